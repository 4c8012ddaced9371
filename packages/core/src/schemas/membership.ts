import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages.ts';
import {
  APPLICATION_STATES,
  APPLICATION_WORD_LIMIT,
  CITY_CHALLENGES,
  COMPLIANCE_STATUSES,
} from '../membership/form.ts';
import { countWords } from '../text/words.ts';
import { RegionCodeSchema } from './network.ts';

export {
  APPLICATION_STATES,
  APPLICATION_WORD_LIMIT,
  CITY_CHALLENGES,
  COMPLIANCE_STATUSES,
  GUIDING_DOCUMENTS,
} from '../membership/form.ts';

/**
 * Joining the Global Network of Learning Cities and reporting every two years (issue #8).
 * Calls, applications as a state machine, biennial reports, the compliance board and the public membership facts.
 */

const IsoDateTimeSchema = z.iso.datetime({ offset: true });

// ── calls ──────────────────────────────────────────────────────────────────────────────────────────────

/** A membership call's rules: settings the secretariat chooses, never code. */
export const MembershipCallSettingsSchema = z.object({
  name: z.string().trim().min(1).max(200),
  opensAt: IsoDateTimeSchema,
  closesAt: IsoDateTimeSchema,
  /** Days a National Commission has to endorse or decline, from the day a submission reaches it. */
  endorsementDays: z.number().int().min(1).max(365).default(30),
  /** Applications each National Commission may endorse (forward) in this call. */
  quotaPerCountry: z.number().int().min(1).max(100).default(3),
  /** An expert jury recommends before the secretariat decides. */
  juryRecommendation: z.boolean().default(false),
  /** A submission its National Commission leaves past the deadline expires (otherwise it is shown as overdue). */
  expireAfterDeadline: z.boolean().default(false),
  /** The National Commission is reminded this many days before its deadline. */
  reminderDaysBefore: z.number().int().min(0).max(60).default(7),
});
export const CreateMembershipCallBodySchema = MembershipCallSettingsSchema.refine(
  (c) => new Date(c.closesAt) > new Date(c.opensAt),
  { message: 'closes after it opens', path: ['closesAt'] },
);
export type CreateMembershipCallBody = z.infer<typeof CreateMembershipCallBodySchema>;
export const UpdateMembershipCallBodySchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    opensAt: IsoDateTimeSchema,
    closesAt: IsoDateTimeSchema,
    endorsementDays: z.number().int().min(1).max(365),
    quotaPerCountry: z.number().int().min(1).max(100),
    juryRecommendation: z.boolean(),
    expireAfterDeadline: z.boolean(),
    reminderDaysBefore: z.number().int().min(0).max(60),
  })
  .partial();
export type UpdateMembershipCallBody = z.infer<typeof UpdateMembershipCallBodySchema>;

export const MembershipCallOutSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  endorsementDays: z.number().int(),
  quotaPerCountry: z.number().int(),
  juryRecommendation: z.boolean(),
  expireAfterDeadline: z.boolean(),
  reminderDaysBefore: z.number().int(),
  /** Whether submissions are taken now (computed from the window and the server's clock). */
  open: z.boolean(),
});
export type MembershipCallOut = z.infer<typeof MembershipCallOutSchema>;

// ── the application form ────────────────────────────────────────────────────────────────────────────────

const limitedText = z.string().max(4000);

export const CityChallengeSchema = z.enum(CITY_CHALLENGES);
export type CityChallenge = z.infer<typeof CityChallengeSchema>;

const person = z.object({
  name: z.string().trim().min(1).max(200),
  title: z.string().trim().max(200).optional(),
  email: z.email().max(254).optional(),
  phone: z.string().trim().max(50).optional(),
});

/**
 * The application form as it is saved: every field may still be missing in a draft, but every field given is
 * checked. The word limits are `applicationWordIssues` (the server names that rule in its own problem type);
 * signing needs the form complete: see `missingApplicationFields`.
 */
export const ApplicationFormSchema = z.object({
  /** The city commits to building a learning city. */
  commitment: z.boolean().optional(),
  /** The Guiding Documents were read in this language and adopted, each confirmed explicitly. */
  guidingDocuments: z
    .object({
      beijingDeclaration: z.boolean(),
      keyFeatures: z.boolean(),
      lang: z.enum(LANGUAGES),
    })
    .optional(),
  mayor: person.optional(),
  focalPoint: person.optional(),
  population: z.number().int().min(1).max(100_000_000).optional(),
  populationYear: z.number().int().min(1990).max(2100).optional(),
  areaKm2: z.number().positive().max(1_000_000).optional(),
  /** GDP per capita in current US dollars, of the city and of its country. */
  gdpPerCapita: z
    .object({
      city: z.number().nonnegative().max(10_000_000).optional(),
      country: z.number().nonnegative().max(10_000_000).optional(),
      year: z.number().int().min(1990).max(2100).optional(),
    })
    .optional(),
  /** Average years of schooling of the adult population, by sex. */
  schoolingYears: z
    .object({
      female: z.number().min(0).max(25).optional(),
      male: z.number().min(0).max(25).optional(),
    })
    .optional(),
  motivation: limitedText.optional(),
  implementation: limitedText.optional(),
  challenges: z.partialRecord(CityChallengeSchema, z.number().int().min(1).max(5)).optional(),
});
export type ApplicationForm = z.infer<typeof ApplicationFormSchema>;

/**
 * The texts of a form over the word limit, as `{ field, message }`; empty when every text is within it.
 * @example applicationWordIssues({ motivation: 'word '.repeat(201) }) // [{ field: 'motivation', message: 'has 201 words; at most 200' }]
 */
export function applicationWordIssues(form: ApplicationForm): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  for (const field of ['motivation', 'implementation'] as const) {
    const words = countWords(form[field] ?? '');
    if (words > APPLICATION_WORD_LIMIT) {
      issues.push({ field, message: `has ${words} words; at most ${APPLICATION_WORD_LIMIT}` });
    }
  }
  return issues;
}

/**
 * The fields a form still lacks before the mayor can sign it, as dotted paths; empty when complete.
 * @example missingApplicationFields({}).includes('motivation') // true
 */
export function missingApplicationFields(form: ApplicationForm): string[] {
  const missing: string[] = [];
  if (form.commitment !== true) missing.push('commitment');
  if (form.guidingDocuments?.beijingDeclaration !== true) missing.push('guidingDocuments.beijingDeclaration');
  if (form.guidingDocuments?.keyFeatures !== true) missing.push('guidingDocuments.keyFeatures');
  if (!form.mayor) missing.push('mayor');
  if (!form.focalPoint?.email) missing.push('focalPoint');
  if (form.population === undefined) missing.push('population');
  if (form.areaKm2 === undefined) missing.push('areaKm2');
  if (form.gdpPerCapita?.city === undefined) missing.push('gdpPerCapita.city');
  if (form.gdpPerCapita?.country === undefined) missing.push('gdpPerCapita.country');
  if (form.schoolingYears?.female === undefined) missing.push('schoolingYears.female');
  if (form.schoolingYears?.male === undefined) missing.push('schoolingYears.male');
  if (!form.motivation?.trim()) missing.push('motivation');
  if (!form.implementation?.trim()) missing.push('implementation');
  for (const challenge of CITY_CHALLENGES) {
    if (form.challenges?.[challenge] === undefined) missing.push(`challenges.${challenge}`);
  }
  return missing;
}

// ── the state machine ───────────────────────────────────────────────────────────────────────────────────

export const ApplicationStateSchema = z.enum(APPLICATION_STATES);
export type ApplicationState = z.infer<typeof ApplicationStateSchema>;

export const APPLICATION_ACTIONS = [
  'sign',
  'revise',
  'submit',
  'endorse',
  'decline',
  'recommend',
  'accept',
  'not-accept',
] as const;
export const ApplicationActionSchema = z.enum(APPLICATION_ACTIONS);
export type ApplicationAction = z.infer<typeof ApplicationActionSchema>;

const reasons = z.string().trim().min(1).max(4000);

/**
 * The body of `POST /membership-applications/:id/transitions`. `expectedVersion` (the version read) catches a
 * double submit or a concurrent change. Signing by upload of the signed and stamped form has its own endpoint.
 */
export const ApplicationTransitionBodySchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('sign'),
    expectedVersion: z.number().int().min(1).optional(),
    /** A typed attestation by someone holding the mayor's delegation, recorded as such. */
    attestation: z.object({
      signatoryName: z.string().trim().min(1).max(200),
      signatoryTitle: z.string().trim().min(1).max(200),
      holdsMayorsDelegation: z.literal(true),
    }),
  }),
  z.object({ action: z.literal('revise'), expectedVersion: z.number().int().min(1).optional() }),
  z.object({ action: z.literal('submit'), expectedVersion: z.number().int().min(1).optional() }),
  z.object({ action: z.literal('endorse'), expectedVersion: z.number().int().min(1).optional(), reasons }),
  z.object({ action: z.literal('decline'), expectedVersion: z.number().int().min(1).optional(), reasons }),
  z.object({
    action: z.literal('recommend'),
    expectedVersion: z.number().int().min(1).optional(),
    recommendation: z.enum(['accept', 'not-accept']),
    reasons,
  }),
  z.object({
    action: z.literal('accept'),
    expectedVersion: z.number().int().min(1).optional(),
    reasons: reasons.optional(),
  }),
  z.object({ action: z.literal('not-accept'), expectedVersion: z.number().int().min(1).optional(), reasons }),
]);
export type ApplicationTransitionBody = z.infer<typeof ApplicationTransitionBodySchema>;

export const CreateApplicationBodySchema = z.object({
  callId: z.uuid(),
  /** A city of the directory that is not a member (the secretariat adds missing cities as applicants). */
  city: z.string().min(1).max(200),
});
export const SaveApplicationFormBodySchema = z.object({
  form: ApplicationFormSchema,
  expectedVersion: z.number().int().min(1),
});

export const ApplicationSignatureSchema = z.object({
  method: z.enum(['upload', 'attestation']),
  signatoryName: z.string().nullable(),
  signatoryTitle: z.string().nullable(),
  /** The signed and stamped form, when uploaded. */
  file: z
    .object({ fileName: z.string(), contentType: z.string(), size: z.number().int(), sha256: z.string() })
    .nullable(),
  downloadPath: z.string().nullable(),
  signedBy: z.string(),
  signedAt: z.string(),
});

export const ApplicationEventSchema = z.object({
  at: z.string(),
  action: z.string(),
  from: ApplicationStateSchema.nullable(),
  to: ApplicationStateSchema,
  by: z.string().nullable(),
  reasons: z.string().nullable(),
});

export const ApplicationOutSchema = z.object({
  id: z.uuid(),
  call: z.object({ id: z.uuid(), name: z.string() }),
  city: z.object({ slug: z.string(), name: z.string(), countryIso2: z.string(), region: RegionCodeSchema }),
  state: ApplicationStateSchema,
  version: z.number().int(),
  submittedAt: z.string().nullable(),
  endorsementDeadline: z.string().nullable(),
  /** Whole days left to the National Commission's deadline (negative once passed); null when none runs. */
  daysToDeadline: z.number().int().nullable(),
  deadlinePassed: z.boolean(),
  /** The jury's recommendation, when the call asks for one. */
  recommendation: z.enum(['accept', 'not-accept']).nullable(),
  updatedAt: z.string(),
  /** What the actor asking may do next, from the state machine and the policy. */
  allowedActions: z.array(ApplicationActionSchema),
});
export type ApplicationOut = z.infer<typeof ApplicationOutSchema>;

export const ApplicationDetailSchema = ApplicationOutSchema.extend({
  form: ApplicationFormSchema,
  missingFields: z.array(z.string()),
  signature: ApplicationSignatureSchema.nullable(),
  history: z.array(ApplicationEventSchema),
});
export type ApplicationDetail = z.infer<typeof ApplicationDetailSchema>;

export const ApplicationsQuerySchema = z.object({
  call: z.uuid().optional(),
  state: ApplicationStateSchema.optional(),
  region: RegionCodeSchema.optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((s) => s.toUpperCase())
    .optional(),
  city: z.string().max(200).optional(),
});
export type ApplicationsQuery = z.infer<typeof ApplicationsQuerySchema>;

/** The filter of the secretariat's counts of applications: one call, or every call. */
export const ApplicationCountsQuerySchema = z.object({ call: z.uuid().optional() });

/**
 * Applications counted by state and by UNESCO region (the secretariat's workspace); every state and every region
 * with an application is named, states without applications count 0.
 */
export const ApplicationCountsSchema = z.object({
  total: z.number().int(),
  byState: z.record(ApplicationStateSchema, z.number().int()),
  byRegion: z.array(
    z.object({
      region: RegionCodeSchema,
      total: z.number().int(),
      byState: z.record(ApplicationStateSchema, z.number().int()),
    }),
  ),
});
export type ApplicationCounts = z.infer<typeof ApplicationCountsSchema>;

/** A National Commission's quota in a call: how many it has endorsed and may still endorse. */
export const QuotaOutSchema = z.object({
  callId: z.uuid(),
  countryIso2: z.string(),
  quota: z.number().int(),
  used: z.number().int(),
});

export const ApplicantCityBodySchema = z.object({
  name: z.string().trim().min(1).max(200),
  countryIso2: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((s) => s.toUpperCase()),
});

// ── biennial reports, compliance and standing ───────────────────────────────────────────────────────────

/** Network-wide reporting rules: settings the secretariat keeps, never code. */
export const MembershipSettingsSchema = z.object({
  /** Members report every this many years. */
  reportPeriodYears: z.number().int().min(1).max(10),
  /** A report is "due" this many days before its due date. */
  dueWindowDays: z.number().int().min(0).max(365),
  /** Past the due date a report is "overdue" for this many days, then "missing". */
  graceDays: z.number().int().min(0).max(730),
  /** The secretariat may mark a member inactive after this many missed reports. */
  inactiveAfterMissed: z.number().int().min(1).max(10),
  /** Members whose joining date is unknown (the directory's older members) report from this date. */
  reportingBaseline: z.iso.date(),
});
export type MembershipSettings = z.infer<typeof MembershipSettingsSchema>;
export const UpdateMembershipSettingsBodySchema = MembershipSettingsSchema.partial();

/** The word limit of a report's narrative on achievements. */
export const REPORT_NARRATIVE_WORD_LIMIT = 500;

export const CreateReportBodySchema = z.object({
  /** The city's accepted monitoring cycle the report is made of. */
  cycleYear: z.number().int().min(1990).max(2100),
  narrative: z
    .string()
    .trim()
    .min(1)
    .max(10_000)
    .refine(
      (text) => countWords(text) <= REPORT_NARRATIVE_WORD_LIMIT,
      `is at most ${REPORT_NARRATIVE_WORD_LIMIT} words`,
    ),
});
export type CreateReportBody = z.infer<typeof CreateReportBodySchema>;

export const ReportOutSchema = z.object({
  id: z.uuid(),
  city: z.string(),
  cycleYear: z.number().int(),
  narrative: z.string(),
  submittedAt: z.string(),
  submittedBy: z.string().nullable(),
});
export type ReportOut = z.infer<typeof ReportOutSchema>;

export const ComplianceStatusSchema = z.enum(COMPLIANCE_STATUSES);
export type ComplianceStatus = z.infer<typeof ComplianceStatusSchema>;

export const ComplianceRowSchema = z.object({
  city: z.string(),
  cityName: z.string(),
  countryIso2: z.string(),
  region: RegionCodeSchema,
  memberSince: z.number().int().nullable(),
  standing: z.enum(['active', 'inactive']),
  lastReportAt: z.string().nullable(),
  /** When the next report is due (YYYY-MM-DD). */
  dueOn: z.string(),
  status: ComplianceStatusSchema,
  /** Due dates passed without a report since the last one. */
  missedReports: z.number().int(),
  /** Whether the secretariat may mark the member inactive now (missed reports ≥ the setting). */
  canMarkInactive: z.boolean(),
});
export type ComplianceRow = z.infer<typeof ComplianceRowSchema>;

export const ComplianceBoardSchema = z.object({
  settings: MembershipSettingsSchema,
  counts: z.record(ComplianceStatusSchema, z.number().int()),
  items: z.array(ComplianceRowSchema),
});
export type ComplianceBoard = z.infer<typeof ComplianceBoardSchema>;

export const ComplianceQuerySchema = z.object({
  status: ComplianceStatusSchema.optional(),
  region: RegionCodeSchema.optional(),
});

export const ReminderBodySchema = z.object({
  /** Cities to remind, by slug; all members whose report is due, overdue or missing when omitted. */
  cities: z.array(z.string().min(1).max(200)).max(1000).optional(),
});

export const StandingBodySchema = z.object({ reason: z.string().trim().min(1).max(2000) });

/** A city's public membership facts: what its profile shows once it is a member. */
export const CityMembershipSchema = z.object({
  city: z.string(),
  status: z.enum(['member', 'applicant', 'former-member']),
  memberSince: z.number().int().nullable(),
  standing: z.enum(['active', 'inactive']).nullable(),
  joinedAt: z.string().nullable(),
  lastReportAt: z.string().nullable(),
  facts: z
    .object({
      population: z.number().int().nullable(),
      populationYear: z.number().int().nullable(),
      areaKm2: z.number().nullable(),
      gdpPerCapitaCity: z.number().nullable(),
      gdpPerCapitaCountry: z.number().nullable(),
      gdpYear: z.number().int().nullable(),
      schoolingYearsFemale: z.number().nullable(),
      schoolingYearsMale: z.number().nullable(),
      mayor: z.string().nullable(),
    })
    .nullable(),
});
export type CityMembership = z.infer<typeof CityMembershipSchema>;

/** Member counts for the network page: by UNESCO region and by year of joining (null: not known). */
export const MembershipStatsSchema = z.object({
  members: z.number().int(),
  byRegion: z.array(z.object({ region: RegionCodeSchema, members: z.number().int() })),
  byYear: z.array(z.object({ year: z.number().int().nullable(), members: z.number().int() })),
});
export type MembershipStats = z.infer<typeof MembershipStatsSchema>;
