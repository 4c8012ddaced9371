import { z } from 'zod';
import { ROLL_UP_BUCKETS } from '../progress/rollup.ts';
import { PROGRESS_STATUSES } from '../progress/types.ts';

const PointSchema = z.object({ year: z.number().int(), value: z.number() });

export const TargetOutSchema = z.object({
  measurementId: z.string(),
  breakdown: z.string(),
  targetValue: z.string(),
  targetYear: z.number().int(),
  baselineValue: z.string().nullable(),
  baselineYear: z.number().int().nullable(),
  updatedAt: z.string(),
});
export type TargetOut = z.infer<typeof TargetOutSchema>;

export const SaveTargetBodySchema = z
  .object({
    targetValue: z.number().finite(),
    targetYear: z.number().int().min(1990).max(2100),
    baselineValue: z.number().finite().optional(),
    baselineYear: z.number().int().min(1990).max(2100).optional(),
  })
  .refine((v) => (v.baselineValue === undefined) === (v.baselineYear === undefined), {
    message: 'give both the baseline value and its year, or neither',
    path: ['baselineYear'],
  });

export const SeriesProgressSchema = z.object({
  measurementId: z.string(),
  breakdown: z.string(),
  status: z.enum(PROGRESS_STATUSES as [string, ...string[]]),
  method: z.string(),
  baseline: PointSchema.nullable(),
  latest: PointSchema.nullable(),
  target: PointSchema.nullable(),
  valueCount: z.number().int(),
  ratio: z.number().nullable(),
  notes: z.array(z.object({ code: z.string(), message: z.string() })),
  explanation: z.string(),
});

const RollUpSchema = z.object({
  id: z.string(),
  measurements: z.number().int(),
  counts: z.record(z.enum(ROLL_UP_BUCKETS as [string, ...string[]]), z.number().int()),
  coverage: z.object({
    withValue: z.number().int(),
    withTwoValues: z.number().int(),
    withValueShare: z.number(),
    withTwoValuesShare: z.number(),
  }),
});

export const ProgressResponseSchema = z.object({
  city: z.string(),
  /** Progress is computed from accepted cycles only: what is public. */
  basedOn: z.object({ acceptedYears: z.array(z.number().int()) }),
  series: z.array(SeriesProgressSchema),
  rollUps: z.object({ feature: z.array(RollUpSchema), focusArea: z.array(RollUpSchema), area: z.array(RollUpSchema) }),
});
export type ProgressResponse = z.infer<typeof ProgressResponseSchema>;
