import { z } from 'zod';
import { ProblemSchema } from './common.ts';

/**
 * Import and export of observations as files: a tidy long format, one row per measurement and breakdown.
 * The same columns go out (export, template) and come back in (import), so an exported file re-imports
 * unchanged.
 */
export const OBSERVATION_FILE_COLUMNS = [
  'measurement_id',
  'breakdown',
  'year',
  'value',
  'unit',
  'source',
  'note',
  'election_year',
] as const;
export type ObservationFileColumn = (typeof OBSERVATION_FILE_COLUMNS)[number] | 'city' | 'measurement_name';

/** The biggest file an import reads, in bytes, and the most data rows (under the header) it takes. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 200_000;

export const FILE_FORMATS = ['csv', 'xlsx'] as const;
export const FileFormatSchema = z.enum(FILE_FORMATS);
export type FileFormat = z.infer<typeof FileFormatSchema>;

/** A query flag written `true` or `false` (z.coerce.boolean would read "false" as true). */
const FlagSchema = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true');

export const ImportQuerySchema = z.object({
  /** Check the file and count what would change, then change nothing. */
  dryRun: FlagSchema,
});

export const ExportQuerySchema = z.object({
  format: FileFormatSchema.default('csv'),
  /** Every measurement and breakdown, filled with what is known; otherwise only the values there are. */
  template: FlagSchema,
});

/** One error of a file: `field` reads "row 12, column value" (the header is row 1, as a spreadsheet shows). */
export const ImportErrorSchema = z.object({
  field: z.string(),
  message: z.string(),
  /** null for an error of the whole file (not a spreadsheet, too large). */
  row: z.number().int().nullable(),
  column: z.string().nullable(),
});
export type ImportError = z.infer<typeof ImportErrorSchema>;

/** A value saved with a warning: it is saved unconfirmed and blocks submitting until someone confirms it. */
export const ImportWarningSchema = z.object({
  row: z.number().int(),
  city: z.string(),
  year: z.number().int(),
  measurementId: z.string(),
  breakdown: z.string(),
  code: z.string(),
  message: z.string(),
});
export type ImportWarning = z.infer<typeof ImportWarningSchema>;

export const ImportSummarySchema = z.object({
  file: z.string(),
  /** SHA-256 of the bytes received, as recorded in the audit trail. */
  sha256: z.string(),
  format: FileFormatSchema.nullable(),
  dryRun: z.boolean(),
  /** Data rows read under the header, blank ones included. */
  rows: z.number().int(),
  /** Rows without a value (a template's unknowns): they leave any stored value as it is. */
  skipped: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Draft cycles the import opened (or would open, in a dry run). */
  openedCycles: z.array(z.object({ city: z.string(), year: z.number().int() })),
  warnings: z.array(ImportWarningSchema),
  /** Empty when the file was applied; otherwise nothing changed. */
  errors: z.array(ImportErrorSchema),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

/** 422 answer to a file with errors: every error, and the summary of what was read. */
export const ImportProblemSchema = ProblemSchema.extend({
  errors: z.array(ImportErrorSchema),
  summary: ImportSummarySchema,
});
