import { z } from 'zod';
import { LanguageMetaSchema, LocalizedTextSchema } from './common.ts';

export const SourceSchema = z.enum(['official', 'survey', 'expert', 'official-or-survey']);
export const UnitSchema = z.enum([
  'percent',
  'per-100k',
  'count',
  'usd-ppp',
  'tonnes-per-capita',
  'kg-per-capita',
  'years',
  'hours-per-week',
  'visits-per-month',
  'ratio',
  'rating-1-5',
]);
export const PolaritySchema = z.enum(['higher-better', 'lower-better', 'none']);

export const ReconstructionSchema = z.object({ reconstructed: z.literal(true), note: z.string() }).nullable();

export const MeasurementOutSchema = z.object({
  id: z.string(),
  featureCode: z.string(),
  focusAreaId: z.string(),
  areaId: z.string(),
  name: LocalizedTextSchema,
  definition: LocalizedTextSchema,
  source: SourceSchema,
  unit: UnitSchema,
  breakdowns: z.array(
    z.object({ dimension: z.enum(['sex', 'setting', 'sector', 'level']), categories: z.array(z.string()) }),
  ),
  polarity: PolaritySchema,
  range: z.object({ min: z.number(), max: z.number().nullable() }),
  sdgTargets: z.array(z.string()),
  mexicoDirections: z.array(z.number().int()),
  reconstruction: ReconstructionSchema,
});
export type MeasurementOut = z.infer<typeof MeasurementOutSchema>;

export const CommitmentOutSchema = z.object({
  number: z.number().int(),
  text: LocalizedTextSchema,
  actions: z.array(LocalizedTextSchema),
});

export const FeatureOutSchema = z.object({
  code: z.string(),
  title: LocalizedTextSchema,
  reconstruction: ReconstructionSchema,
  measurements: z.array(MeasurementOutSchema),
});
export type FeatureOut = z.infer<typeof FeatureOutSchema>;

export const FocusAreaOutSchema = z.object({
  id: z.string(),
  areaId: z.string(),
  title: LocalizedTextSchema,
  commitment: CommitmentOutSchema,
  features: z.array(FeatureOutSchema),
});
export type FocusAreaOut = z.infer<typeof FocusAreaOutSchema>;

export const AreaOutSchema = z.object({
  id: z.string(),
  role: z.enum(['pediment', 'columns', 'steps']),
  title: LocalizedTextSchema,
  focusAreas: z.array(FocusAreaOutSchema),
});
export type AreaOut = z.infer<typeof AreaOutSchema>;

export const FrameworkResponseSchema = LanguageMetaSchema.extend({
  version: z.literal('key-features-2013'),
  /** Why non-English text is not authoritative. */
  translationNotice: z.string(),
  areas: z.array(AreaOutSchema),
  strategicDirections: z.array(
    z.object({ number: z.number().int(), title: LocalizedTextSchema, text: LocalizedTextSchema }),
  ),
  areasOfAction: z.array(
    z.object({ number: z.number().int(), title: LocalizedTextSchema, actions: z.array(LocalizedTextSchema) }),
  ),
  ratingLabels: z.array(z.object({ value: z.number().int().min(1).max(5), label: LocalizedTextSchema })),
});
export type FrameworkResponse = z.infer<typeof FrameworkResponseSchema>;

export const MeasurementResponseSchema = LanguageMetaSchema.extend({
  measurement: MeasurementOutSchema,
  feature: z.object({ code: z.string(), title: LocalizedTextSchema, reconstruction: ReconstructionSchema }),
  focusArea: z.object({ id: z.string(), title: LocalizedTextSchema, commitment: CommitmentOutSchema }),
  area: z.object({ id: z.string(), title: LocalizedTextSchema }),
});
export type MeasurementResponse = z.infer<typeof MeasurementResponseSchema>;
