import type { CitiesResponseSchema, CountriesResponseSchema, RegionsResponseSchema } from '@lco/core';
import type { z } from 'zod';

// Type-only: the schemas live in core and never reach the bundle.
export type RegionsResponse = z.infer<typeof RegionsResponseSchema>;
export type CountriesResponse = z.infer<typeof CountriesResponseSchema>;
export type RegionOut = RegionsResponse['items'][number];
export type { CitiesResponse, CityResponse, CitySummary, CountryOut, RegionCode } from '@lco/core';
export type CitiesPage = z.infer<typeof CitiesResponseSchema>;
