import { z } from 'zod';

/** `total` or `dimension:category`, as in the observation routes. */
const BreakdownSchema = z.string().regex(/^(total|[a-z]+:[a-z0-9-]+)$/, 'is total or dimension:category');
const MeasurementIdSchema = z.string().min(1).max(20);

/** Only web addresses: no javascript:, data:, file: or the like, and no credentials inside the address. */
export const EvidenceUrlSchema = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .refine((raw) => {
    if (!URL.canParse(raw)) return false;
    const url = new URL(raw);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
  }, 'is an http:// or https:// address without a user name or password');

export const EvidenceLinkBodySchema = z.object({
  url: EvidenceUrlSchema,
  title: z.string().trim().min(1).max(300),
  /** A catalogue or local measurement; left out, the link backs the whole cycle. */
  measurementId: MeasurementIdSchema.optional(),
  breakdown: BreakdownSchema.optional(),
});
export type EvidenceLinkBody = z.infer<typeof EvidenceLinkBodySchema>;

/** The text fields that may come with an uploaded file (multipart form fields). */
export const EvidenceFileFieldsSchema = z.object({
  title: z.string().trim().min(1).max(300).optional(),
  measurementId: MeasurementIdSchema.optional(),
  breakdown: BreakdownSchema.optional(),
});
export type EvidenceFileFields = z.infer<typeof EvidenceFileFieldsSchema>;

export const EvidenceOutSchema = z.object({
  id: z.string(),
  kind: z.enum(['file', 'link']),
  measurementId: z.string().nullable(),
  breakdown: z.string().nullable(),
  title: z.string().nullable(),
  /** Links: the address. Files: null (see downloadPath). */
  url: z.string().nullable(),
  /** Files: the safe name offered on download. */
  fileName: z.string().nullable(),
  /** Files: the type read from the content. */
  contentType: z.string().nullable(),
  size: z.number().int().nullable(),
  sha256: z.string().nullable(),
  /** Files: where to download it (same permissions as the cycle). */
  downloadPath: z.string().nullable(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
});
export type EvidenceOut = z.infer<typeof EvidenceOutSchema>;
