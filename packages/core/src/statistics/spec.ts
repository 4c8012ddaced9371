import { z } from 'zod';
import { LONELY_PSU_CHOICES } from './design.ts';
import { SurveyDesignError } from './errors.ts';

const column = z.string().min(1, 'a column name cannot be empty');
const columns = (max: number) => z.union([column, z.array(column).min(1).max(max)]);
const label = z.union([z.string(), z.number()]).transform(String);

const EstimateRequestSchema = z
  .strictObject({
    mean: column.optional(),
    total: column.optional(),
    proportion: column.optional(),
    level: label.optional(),
  })
  .superRefine((value, ctx) => {
    const kinds = (['mean', 'total', 'proportion'] as const).filter((k) => value[k] !== undefined);
    if (kinds.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: 'give exactly one of "mean", "total" or "proportion" with a column name',
      });
    } else if (value.level !== undefined && kinds[0] === 'mean') {
      ctx.addIssue({ code: 'custom', message: '"level" goes with "proportion" or "total", not "mean"' });
    }
  });

/** The design file of `lco survey estimate`: how the sample was drawn, how to weight it, what to estimate. */
export const SurveySpecSchema = z.strictObject({
  weights: column.optional(),
  strata: column.optional(),
  clusters: columns(2).optional(),
  fpc: columns(2).optional(),
  nest: z.boolean().optional(),
  lonelyPsu: z.enum(LONELY_PSU_CHOICES).optional(),
  postStratify: z
    .strictObject({
      variables: z.array(column).min(1),
      population: z.array(z.record(z.string(), z.union([z.string(), z.number()]))).min(1),
    })
    .optional(),
  rake: z
    .strictObject({
      margins: z
        .array(z.strictObject({ variable: column, population: z.record(z.string(), z.number().nonnegative()) }))
        .min(1),
      tolerance: z.number().positive().optional(),
      maxIterations: z.number().int().min(1).max(100_000).optional(),
    })
    .optional(),
  trim: z
    .strictObject({
      lower: z.number().nonnegative().optional(),
      upper: z.number().positive().optional(),
      relative: z.boolean().optional(),
      strict: z.boolean().optional(),
    })
    .optional(),
  estimate: z.array(EstimateRequestSchema).min(1, 'name at least one estimate'),
  by: columns(8).optional(),
  confidenceLevel: z.number().gt(0).lt(1).optional(),
});

export type SurveySpec = z.infer<typeof SurveySpecSchema>;
export type EstimateRequest = SurveySpec['estimate'][number];

/**
 * Reads a design file's JSON into a `SurveySpec`; the first problem is thrown as one line naming where it is.
 * @example parseSurveySpec({ weights: 'pw', estimate: [{ mean: 'age' }] }).weights // 'pw'
 */
export function parseSurveySpec(json: unknown): SurveySpec {
  const result = SurveySpecSchema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new SurveyDesignError('design: not a valid design');
  const where = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') message = `unknown key ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
  throw new SurveyDesignError(`design${where}: ${message}`);
}
