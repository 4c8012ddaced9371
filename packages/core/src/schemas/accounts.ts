import { z } from 'zod';
import { ROLES } from '../accounts/roles.ts';
import { LangSchema } from './common.ts';

export const RoleSchema = z.enum(ROLES);

/** Emails are compared lower-cased and trimmed; 254 is the longest address SMTP allows. */
export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'must be an email address' }))
  .transform((s) => s.toLowerCase());

/** Length only; the common-password check happens on the server, where the list is. */
export const NewPasswordSchema = z
  .string()
  .min(12, { message: 'must be at least 12 characters' })
  .max(1024, { message: 'must be at most 1024 characters' });

export const DisplayNameSchema = z.string().trim().min(1).max(120);

/** A grant's scope as clients name it: a city by slug, a country by ISO alpha-2 code. */
export const ScopeRefSchema = z.union([
  z.object({ city: z.string().min(1).max(200) }).strict(),
  z
    .object({
      country: z
        .string()
        .regex(/^[A-Za-z]{2}$/)
        .transform((s) => s.toUpperCase()),
    })
    .strict(),
]);
export type ScopeRef = z.infer<typeof ScopeRefSchema>;

export const GrantOutSchema = z.object({
  id: z.string(),
  role: RoleSchema,
  scope: z
    .object({
      kind: z.enum(['city', 'country']),
      id: z.string(),
      /** City slug or country code, for links. */
      ref: z.string(),
      name: z.string(),
    })
    .nullable(),
  grantedAt: z.string(),
});
export type GrantOut = z.infer<typeof GrantOutSchema>;

export const UserOutSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  preferredLang: LangSchema,
  hasPassword: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
  grants: z.array(GrantOutSchema),
});
export type UserOut = z.infer<typeof UserOutSchema>;

/** Workspaces the navigation shows; the server derives them from the person's grants. */
export const WORKSPACES = ['administration', 'audit', 'outbox', 'city', 'country', 'reviews', 'jury'] as const;

export const MeResponseSchema = z.object({
  user: UserOutSchema,
  workspaces: z.array(z.enum(WORKSPACES)),
  session: z.object({ expiresAt: z.string(), idleExpiresAt: z.string(), method: z.enum(['password', 'oidc']) }),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;

export const SignInBodySchema = z.object({
  email: EmailSchema,
  password: z.string().min(1).max(1024),
});

export const ChangePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: NewPasswordSchema,
});

export const ProfileBodySchema = z
  .object({ displayName: DisplayNameSchema.optional(), preferredLang: LangSchema.optional() })
  .refine((v) => v.displayName !== undefined || v.preferredLang !== undefined, { message: 'nothing to change' });

export const ResetRequestBodySchema = z.object({ email: EmailSchema });
export const ResetCompleteBodySchema = z.object({
  token: z.string().min(20).max(200),
  newPassword: NewPasswordSchema,
});

export const InvitationBodySchema = z.object({
  email: EmailSchema,
  role: RoleSchema,
  scope: ScopeRefSchema.optional(),
  lang: LangSchema.default('en'),
});

export const InvitationOutSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: RoleSchema,
  scope: GrantOutSchema.shape.scope,
  expiresAt: z.string(),
  status: z.enum(['pending', 'accepted', 'expired', 'revoked']),
});
export type InvitationOut = z.infer<typeof InvitationOutSchema>;

/** Name and password are needed only when the invitation creates a new account. */
export const InvitationAcceptBodySchema = z.object({
  token: z.string().min(20).max(200),
  displayName: DisplayNameSchema.optional(),
  password: NewPasswordSchema.optional(),
  preferredLang: LangSchema.optional(),
});

export const InvitationTokenBodySchema = z.object({ token: z.string().min(20).max(200) });

/** What the acceptance page shows before the person commits. */
export const InvitationPreviewSchema = z.object({
  email: z.string(),
  role: RoleSchema,
  scopeName: z.string().nullable(),
  expiresAt: z.string(),
  existingAccount: z.boolean(),
  lang: LangSchema,
});
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;

export const GrantBodySchema = z.object({ role: RoleSchema, scope: ScopeRefSchema.optional() });

export const SessionOutSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  userAgent: z.string().nullable(),
  ipAddress: z.string().nullable(),
  method: z.string(),
  current: z.boolean(),
});
export type SessionOut = z.infer<typeof SessionOutSchema>;

export const AuditRecordOutSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.object({ id: z.string(), email: z.string(), displayName: z.string() }).nullable(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  scopeId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  hash: z.string(),
});
export type AuditRecordOut = z.infer<typeof AuditRecordOutSchema>;

export const AuditQuerySchema = z.object({
  action: z.string().max(100).optional(),
  resourceType: z.string().max(100).optional(),
  actor: z.uuid().optional(),
  city: z.string().max(200).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const OutboxMailOutSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  lang: LangSchema,
  kind: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type OutboxMailOut = z.infer<typeof OutboxMailOutSchema>;
