import { PolaritySchema, UnitSchema } from '@lco/core';
import { z } from 'zod';

/**
 * 'local-' and a slug. At most 20 characters, the length an observation's measurement id may have in
 * the cycle routes, so a local measurement can be observed like a catalogue one.
 */
export const LocalMeasurementIdSchema = z
  .string()
  .max(20, 'is at most 20 characters')
  .regex(/^local-[a-z0-9]+(?:-[a-z0-9]+)*$/, "is 'local-' followed by lower-case letters, digits and hyphens");

const LanguageTagSchema = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'is a language tag (en, fr, pt-BR …)');

/** The name in the city's languages (any language tag, not only the six UN languages): at least one. */
export const LocalNamesSchema = z
  .record(LanguageTagSchema, z.string().trim().min(1).max(200))
  .refine((names) => Object.keys(names).length > 0, 'give the name in at least one language')
  .refine((names) => Object.keys(names).length <= 12, 'at most 12 languages');

const CategorySchema = z
  .string()
  .max(40)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'is lower-case letters, digits and hyphens');

/** Breakdowns as the catalogue has them: a dimension and its category codes ('total' optional). */
export const LocalBreakdownsSchema = z
  .array(
    z.object({
      dimension: z.enum(['sex', 'setting', 'sector', 'level']),
      categories: z
        .array(CategorySchema)
        .min(1)
        .max(20)
        .refine((c) => new Set(c).size === c.length, 'lists a category twice')
        .refine((c) => c.some((x) => x !== 'total'), "needs a category other than 'total'"),
    }),
  )
  .max(4)
  .refine((b) => new Set(b.map((x) => x.dimension)).size === b.length, 'names a dimension twice');

const fields = {
  names: LocalNamesSchema,
  definition: z.string().trim().min(1).max(4000),
  unit: UnitSchema,
  polarity: PolaritySchema,
};

export const CreateLocalMeasurementBodySchema = z.object({
  /** Chosen by the city, or made from the name when left out. */
  id: LocalMeasurementIdSchema.optional(),
  ...fields,
  breakdowns: LocalBreakdownsSchema.default([]),
});
export type CreateLocalMeasurement = z.infer<typeof CreateLocalMeasurementBodySchema>;

export const UpdateLocalMeasurementBodySchema = z
  .object({ ...fields, breakdowns: LocalBreakdownsSchema })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'change at least one field');
export type UpdateLocalMeasurement = z.infer<typeof UpdateLocalMeasurementBodySchema>;

export const LocalMeasurementOutSchema = z.object({
  id: z.string(),
  /** Always true: a city's own indicator, not one of the Key Features. */
  local: z.literal(true),
  city: z.string(),
  names: z.record(z.string(), z.string()),
  definition: z.string(),
  unit: UnitSchema,
  polarity: PolaritySchema,
  breakdowns: z.array(z.object({ dimension: z.string(), categories: z.array(z.string()) })),
  /** The keys an observation may use: 'total' and 'dimension:category'. */
  breakdownKeys: z.array(z.string()),
  /** Valid values, from the unit: percent 0–100, rating 1–5, otherwise from 0 up. */
  range: z.object({ min: z.number(), max: z.number().nullable() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LocalMeasurementOut = z.infer<typeof LocalMeasurementOutSchema>;
