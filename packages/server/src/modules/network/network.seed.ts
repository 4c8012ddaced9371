import { foldForSearch, REGIONS, type Translations } from '@lco/core';
import { awardCitySeed } from './award-cities.ts';
import { buildCountries } from './countries.ts';
import type { NetworkRepository, NewCity } from './network.repository.ts';

/**
 * The fictional place later issues fill with sample data. It gets a country of its own under a
 * user-assigned ISO 3166 code (XX), so no real country's figures ever include it, and sits in the
 * region of the network's secretariat (UIL, Hamburg) so regional views have something to show.
 */
export const SAMPLE_COUNTRY = {
  iso2: 'XX',
  iso3: 'XXX',
  names: {
    en: 'Sampleland (fictional)',
    fr: 'Pays exemple (fictif)',
    es: 'País de muestra (ficticio)',
    ar: 'بلد نموذجي (خيالي)',
    zh: '示例国（虚构）',
    ru: 'Образцовая страна (вымышленная)',
  },
  regionCode: 'europe-north-america',
} as const;

export const SAMPLE_CITY_SLUG = 'sample-city';

/** Everything the network directory is seeded with, computed without touching the database. */
export interface NetworkSeed {
  regions: { code: string; names: Translations }[];
  countries: { iso2: string; iso3: string; names: Translations; regionCode: string }[];
  cities: NewCity[];
  awards: { slug: string; year: number; title: string }[];
}

export function networkSeed(): NetworkSeed {
  const countries = [
    ...buildCountries().map((c) => ({ iso2: c.iso2, iso3: c.iso3, names: c.names, regionCode: c.region })),
    SAMPLE_COUNTRY,
  ];
  const namesByIso2 = new Map<string, Translations>(countries.map((c) => [c.iso2, c.names]));
  const countryNames = (iso2: string, slug: string) => {
    const names = namesByIso2.get(iso2);
    if (!names) throw new Error(`city ${slug} names unknown country ${iso2}`);
    return names;
  };

  const awardCities = awardCitySeed().cities;
  const cities: NewCity[] = awardCities.map((city) => ({
    slug: city.slug,
    name: city.name,
    countryIso2: city.iso2,
    lat: city.lat,
    lon: city.lon,
    population: city.population,
    populationYear: null,
    locationSource: city.geonameId === null ? null : `GeoNames ${city.geonameId}`,
    note: city.note,
    fictional: false,
    // Every award recipient is a network member; the year each joined is not in our sources.
    membershipStatus: 'member',
    memberSince: null,
    searchText: searchText(city.name, countryNames(city.iso2, city.slug)),
  }));
  cities.push({
    slug: SAMPLE_CITY_SLUG,
    name: 'Sample City',
    countryIso2: SAMPLE_COUNTRY.iso2,
    lat: null,
    lon: null,
    population: 250_000,
    populationYear: null,
    locationSource: null,
    note: 'A fictional city with invented data, for trying the platform out. It is not a real place.',
    fictional: true,
    membershipStatus: 'member',
    memberSince: null,
    searchText: searchText('Sample City', SAMPLE_COUNTRY.names),
  });

  return {
    regions: REGIONS.map((r) => ({ code: r.code, names: r.name })),
    countries,
    cities,
    awards: awardCities.flatMap((city) =>
      city.awards.map((year) => ({ slug: city.slug, year, title: `UNESCO Learning City Award ${year}` })),
    ),
  };
}

/** Write the seed by upsert: safe to run again, refreshes what changed, never duplicates. */
export async function seedNetwork(repository: NetworkRepository, seed: NetworkSeed): Promise<void> {
  await repository.upsertRegions(seed.regions);
  await repository.upsertCountries(seed.countries);
  await repository.upsertCities(seed.cities);
  await repository.upsertAwards(seed.awards);
}

/** What a search matches: the city name and its country's name in every language, folded. */
function searchText(name: string, countryNames: Translations): string {
  return foldForSearch([name, ...Object.values(countryNames)].join(' | '));
}
