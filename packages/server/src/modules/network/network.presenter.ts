import { type CityDetail, type CitySummary, type Lang, localize, type RegionCode, regionByCode } from '@lco/core';
import type { CityRow } from './network.repository.ts';

export function presentCitySummary(row: CityRow, lang: Lang): CitySummary {
  return {
    slug: row.slug,
    name: row.name,
    country: { iso2: row.countryIso2, name: localize(row.countryNames, lang) },
    region: row.regionCode,
    location: row.lat === null || row.lon === null ? null : { lat: row.lat, lon: row.lon },
    population: row.population,
    membership: { status: row.membershipStatus as CitySummary['membership']['status'], since: row.memberSince },
    awardYears: row.awardYears,
    fictional: row.fictional,
  };
}

export function presentCityDetail(
  row: CityRow & { awards: { year: number; title: string }[] },
  lang: Lang,
): CityDetail {
  return {
    ...presentCitySummary(row, lang),
    regionName: localize(regionByCode(row.regionCode as RegionCode).name, lang),
    facts: { locationSource: row.locationSource, populationYear: row.populationYear, note: row.note },
    awards: row.awards,
  };
}
