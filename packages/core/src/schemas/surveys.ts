import { z } from 'zod';
import { LANGUAGES } from '../i18n/languages.ts';
import { SURVEY_KINDS } from '../surveys/types.ts';

const Lang = z.enum(LANGUAGES);
const translation = z.string().max(500).optional();
const TranslationsSchema = z.strictObject({
  en: z.string().trim().min(1).max(500),
  fr: translation,
  es: translation,
  ar: translation,
  zh: translation,
  ru: translation,
});

export const SurveyKindSchema = z.enum(SURVEY_KINDS);

export const DistrictSchema = z.strictObject({
  code: z.string().min(1).max(40),
  name: z.string().trim().min(1).max(120),
});

export const LocalQuestionSchema = z.strictObject({
  id: z.string().min(1).max(50),
  type: z.enum(['single', 'number']),
  texts: TranslationsSchema,
  choices: z
    .array(z.strictObject({ code: z.string().min(1).max(40), texts: TranslationsSchema }))
    .max(30)
    .optional(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  integer: z.boolean().optional(),
  measurementId: z.string().max(40).optional(),
  levels: z.array(z.string().max(40)).max(30).optional(),
});

/** What a city chooses for an instrument (its kind is fixed when the survey is created). */
export const SurveyDesignBodySchema = z.strictObject({
  measurements: z.array(z.string().max(20)).max(30).optional(),
  districts: z.array(DistrictSchema).min(1).max(200),
  localQuestions: z.array(LocalQuestionSchema).max(30).optional(),
  languages: z.array(Lang).min(1).max(6),
});

export const CreateSurveyBodySchema = SurveyDesignBodySchema.extend({
  kind: SurveyKindSchema,
  name: z.string().trim().min(1).max(200),
});
export type CreateSurveyBody = z.infer<typeof CreateSurveyBodySchema>;

export const UpdateSurveyBodySchema = SurveyDesignBodySchema.partial().extend({
  name: z.string().trim().min(1).max(200).optional(),
});
export type UpdateSurveyBody = z.infer<typeof UpdateSurveyBodySchema>;

const Texts = z.record(z.string(), z.string());
const ConditionSchema = z.object({ question: z.string(), anyOf: z.array(z.string()).readonly() });

export const QuestionOutSchema = z.object({
  id: z.string(),
  block: z.enum(['demographic', 'measurement', 'local']),
  type: z.enum(['single', 'number']),
  texts: Texts,
  required: z.boolean(),
  relevant: ConditionSchema.optional(),
  measurementId: z.string().optional(),
  choices: z
    .array(z.object({ code: z.string(), texts: Texts }))
    .readonly()
    .optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
});

export const InstrumentOutSchema = z.object({
  kind: SurveyKindSchema,
  catalogueVersion: z.literal('key-features-2013'),
  version: z.number().int(),
  languages: z.array(Lang).readonly(),
  questions: z.array(QuestionOutSchema).readonly(),
  pages: z.array(z.array(z.string()).readonly()).readonly(),
  estimators: z
    .array(
      z.object({
        measurementId: z.string(),
        question: z.string(),
        statistic: z.enum(['proportion', 'mean']),
        levels: z.array(z.string()).readonly().optional(),
        universe: ConditionSchema.optional(),
        breakdownBy: z.object({ question: z.string(), dimension: z.string() }).optional(),
        scale: z.number(),
        unit: z.string(),
      }),
    )
    .readonly(),
});

export const WaveSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  instrumentVersion: z.number().int(),
  opensAt: z.string(),
  closesAt: z.string(),
  languages: z.array(Lang),
  /** The public response page. */
  url: z.string(),
});

export const SurveyOutSchema = z.object({
  id: z.string(),
  city: z.string(),
  kind: SurveyKindSchema,
  name: z.string(),
  /** The version the next wave will field; earlier waves keep theirs. */
  version: z.number().int(),
  design: z.object({
    measurements: z.array(z.string()).readonly().optional(),
    districts: z.array(DistrictSchema).readonly(),
    localQuestions: z
      .array(
        LocalQuestionSchema.extend({
          texts: Texts,
          choices: z
            .array(z.object({ code: z.string(), texts: Texts }))
            .readonly()
            .optional(),
          levels: z.array(z.string()).readonly().optional(),
        }),
      )
      .readonly()
      .optional(),
    languages: z.array(Lang).readonly(),
  }),
  instrument: InstrumentOutSchema,
  translationNotice: z.string(),
  waves: z.array(WaveSummarySchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SurveyOut = z.infer<typeof SurveyOutSchema>;

export const CreateWaveBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  opensAt: z.iso.datetime({ offset: true }),
  closesAt: z.iso.datetime({ offset: true }),
  /** The survey's languages when omitted. */
  languages: z.array(Lang).min(1).max(6).optional(),
});
export type CreateWaveBody = z.infer<typeof CreateWaveBodySchema>;

export const UpdateWaveBodySchema = CreateWaveBodySchema.partial();
export type UpdateWaveBody = z.infer<typeof UpdateWaveBodySchema>;

export const PopulationMarginsSchema = z.strictObject({
  ageSex: z
    .array(z.strictObject({ ageGroup: z.string().max(20), sex: z.string().max(20), count: z.number() }))
    .max(100),
  district: z.array(z.strictObject({ district: z.string().max(40), count: z.number() })).max(200),
});

export const WaveOutSchema = WaveSummarySchema.extend({
  surveyId: z.string(),
  city: z.string(),
  kind: SurveyKindSchema,
  state: z.enum(['scheduled', 'open', 'closed']),
  instrument: InstrumentOutSchema,
  margins: PopulationMarginsSchema.nullable(),
  responses: z.object({ started: z.number().int(), submitted: z.number().int(), imported: z.number().int() }),
});
export type WaveOut = z.infer<typeof WaveOutSchema>;

export const WaveEstimateSchema = z.object({
  measurementId: z.string(),
  breakdown: z.string(),
  statistic: z.enum(['proportion', 'mean']),
  unit: z.string(),
  value: z.number().nullable(),
  se: z.number().nullable(),
  ci: z.tuple([z.number(), z.number()]).nullable(),
  n: z.number().int(),
  suppressed: z.boolean(),
});

const WeightSummarySchema = z.object({
  sum: z.number(),
  min: z.number(),
  max: z.number(),
  mean: z.number(),
  cv: z.number(),
  kishDeff: z.number(),
  effectiveN: z.number(),
});

export const WaveEstimatesOutSchema = z.object({
  wave: z.string(),
  minCell: z.number().int(),
  weighting: z.object({
    method: z.enum(['raked', 'unweighted']),
    respondents: z.number().int(),
    excluded: z.number().int(),
    weights: WeightSummarySchema.nullable(),
    rake: z
      .object({
        converged: z.boolean(),
        iterations: z.number().int(),
        maxChange: z.number().nullable(),
        tolerance: z.number(),
        margins: z.array(z.object({ variable: z.string(), maxRelativeError: z.number() })),
      })
      .nullable(),
  }),
  estimates: z.array(WaveEstimateSchema),
});
export type WaveEstimatesOut = z.infer<typeof WaveEstimatesOutSchema>;

export const UseEstimatesBodySchema = z.strictObject({
  year: z.number().int().min(1990).max(2100),
  /** Only these measurements; every unsuppressed estimate when omitted. */
  measurements: z.array(z.string().max(40)).max(60).optional(),
});

/** What a survey-estimate observation rests on. */
export const SurveyProvenanceSchema = z.object({
  kind: z.literal('survey-wave'),
  waveId: z.string(),
  waveName: z.string(),
  instrumentVersion: z.number().int(),
  n: z.number().int(),
  se: z.number(),
  ci: z.tuple([z.number(), z.number()]),
  confidenceLevel: z.number(),
  weighting: z.enum(['raked', 'unweighted']),
});
export type SurveyProvenance = z.infer<typeof SurveyProvenanceSchema>;

export const UseEstimatesOutSchema = z.object({
  year: z.number().int(),
  written: z.array(z.object({ measurementId: z.string(), breakdown: z.string(), value: z.string() })),
  skipped: z.array(z.object({ measurementId: z.string(), breakdown: z.string(), reason: z.string() })),
});

export const ImportOutSchema = z.object({ imported: z.number().int() });
