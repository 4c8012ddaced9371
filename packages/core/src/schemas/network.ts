import { z } from 'zod';
import { LanguageMetaSchema, LocalizedTextSchema, pageSchema } from './common.ts';

export const REGION_CODES = [
  'africa',
  'arab-states',
  'asia-pacific',
  'europe-north-america',
  'latin-america-caribbean',
] as const;
export const RegionCodeSchema = z.enum(REGION_CODES);
export type RegionCode = z.infer<typeof RegionCodeSchema>;

export const RegionOutSchema = z.object({
  code: RegionCodeSchema,
  name: LocalizedTextSchema,
  countryCount: z.number().int(),
  cityCount: z.number().int(),
});
export const RegionsResponseSchema = LanguageMetaSchema.extend({ items: z.array(RegionOutSchema) });
export type RegionOut = z.infer<typeof RegionOutSchema>;
export type RegionsResponse = z.infer<typeof RegionsResponseSchema>;

export const CountryOutSchema = z.object({
  /** ISO 3166-1 alpha-2, upper case. */
  iso2: z.string().length(2),
  iso3: z.string().length(3),
  name: LocalizedTextSchema,
  region: RegionCodeSchema,
  cityCount: z.number().int(),
});
export type CountryOut = z.infer<typeof CountryOutSchema>;
export const CountriesResponseSchema = LanguageMetaSchema.extend({ items: z.array(CountryOutSchema) });
export type CountriesResponse = z.infer<typeof CountriesResponseSchema>;

export const MembershipStatusSchema = z.enum(['member', 'applicant', 'former-member']);

export const CitySummarySchema = z.object({
  slug: z.string(),
  name: z.string(),
  country: z.object({ iso2: z.string(), name: LocalizedTextSchema }),
  region: RegionCodeSchema,
  location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  population: z.number().int().nullable(),
  membership: z.object({ status: MembershipStatusSchema, since: z.number().int().nullable() }),
  awardYears: z.array(z.number().int()),
  /** True for the invented Sample City: never to be mistaken for a real place. */
  fictional: z.boolean(),
});
export type CitySummary = z.infer<typeof CitySummarySchema>;

export const CitiesQuerySchema = z.object({
  region: RegionCodeSchema.optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'a two-letter ISO 3166-1 code')
    .transform((s) => s.toUpperCase())
    .optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  lang: z.string().max(35).optional(),
});
export type CitiesQuery = z.infer<typeof CitiesQuerySchema>;

export const CitiesResponseSchema = LanguageMetaSchema.extend(pageSchema(CitySummarySchema).shape);
export type CitiesResponse = z.infer<typeof CitiesResponseSchema>;

export const CityDetailSchema = CitySummarySchema.extend({
  regionName: LocalizedTextSchema,
  facts: z.object({
    /** Where the coordinates and population come from, e.g. 'GeoNames 2158177'. */
    locationSource: z.string().nullable(),
    populationYear: z.number().int().nullable(),
    note: z.string().nullable(),
  }),
  awards: z.array(z.object({ year: z.number().int(), title: z.string() })),
});
export const CityResponseSchema = LanguageMetaSchema.extend({ city: CityDetailSchema });
export type CityResponse = z.infer<typeof CityResponseSchema>;
export type CityDetail = z.infer<typeof CityDetailSchema>;
