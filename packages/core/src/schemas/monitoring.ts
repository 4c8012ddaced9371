import { z } from 'zod';
import { ExpertProvenanceSchema } from './review.ts';
import { SurveyProvenanceSchema } from './surveys.ts';

export const CYCLE_STATES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export const CycleStateSchema = z.enum(CYCLE_STATES);
export type CycleState = z.infer<typeof CycleStateSchema>;

export const PROVENANCES = [
  'manual',
  'import',
  'survey-estimate',
  'expert-consolidation',
  'learning-space-map',
  // Invented figures of the fictional Sample City.
  'sample',
] as const;

export const YearSchema = z.coerce.number().int().min(1990).max(2100);

export const ObservationIssueSchema = z.object({ code: z.string(), field: z.string(), message: z.string() });

export const ObservationOutSchema = z.object({
  measurementId: z.string(),
  /** A city's own indicator ('local-…'), not one of the catalogue's 60. */
  local: z.boolean(),
  breakdown: z.string(),
  year: z.number().int(),
  /** Exact decimal as text: figures never pass through binary floating point on their way out. */
  value: z.string(),
  unit: z.string(),
  sourceDetail: z.string(),
  note: z.string().nullable(),
  provenance: z.enum(PROVENANCES),
  /**
   * What a consolidated or estimated figure rests on: the expert round (reviewers, agreement) or the survey
   * wave (respondents, standard error, interval); null for other provenances.
   */
  provenanceDetail: z.union([ExpertProvenanceSchema, SurveyProvenanceSchema]).nullable(),
  electionYear: z.number().int().nullable(),
  warnings: z.array(ObservationIssueSchema),
  warningsConfirmed: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ObservationOut = z.infer<typeof ObservationOutSchema>;

export const CycleOutSchema = z.object({
  city: z.string(),
  year: z.number().int(),
  state: CycleStateSchema,
  updatedAt: z.string(),
});

export const CycleDetailSchema = CycleOutSchema.extend({
  observations: z.array(ObservationOutSchema),
  /** Warnings not yet confirmed: they block submitting. */
  unconfirmedWarnings: z.number().int(),
  coverage: z.object({ measurementsWithData: z.number().int(), measurements: z.number().int() }),
  comments: z.array(z.object({ measurementId: z.string().nullable(), comment: z.string(), at: z.string() })),
  history: z.array(
    z.object({
      at: z.string(),
      from: CycleStateSchema.nullable(),
      to: CycleStateSchema,
      by: z.string().nullable(),
      comment: z.string().nullable(),
    }),
  ),
});
export type CycleDetail = z.infer<typeof CycleDetailSchema>;

export const SaveObservationBodySchema = z.object({
  value: z.number().finite(),
  unit: z.string().max(40).optional(),
  sourceDetail: z.string().trim().min(1, 'say where the figure comes from').max(1000),
  note: z.string().trim().max(4000).optional(),
  electionYear: z.number().int().optional(),
  /** The editor has read the warnings and stands by the value (a note should say why). */
  confirmWarnings: z.boolean().default(false),
  /** The version the editor read; null for a new value. A mismatch is a conflict, never an overwrite. */
  expectedVersion: z.number().int().min(1).nullable(),
});

export const ReturnBodySchema = z.object({
  comments: z
    .array(z.object({ measurementId: z.string().max(20).nullable(), comment: z.string().trim().min(1).max(4000) }))
    .min(1, 'say what needs another look'),
});

export const ReopenBodySchema = z.object({ reason: z.string().trim().min(1).max(4000) });
