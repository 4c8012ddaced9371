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

/** Regions, countries, the award cities and Sample City; safe to run on every start. */
export async function seedNetwork(repository: NetworkRepository): Promise<void> {
  await repository.upsertRegions(REGIONS.map((r) => ({ code: r.code, names: r.name })));
  const countries = buildCountries();
  await repository.upsertCountries([
    ...countries.map((c) => ({ iso2: c.iso2, iso3: c.iso3, names: c.names, regionCode: c.region })),
    SAMPLE_COUNTRY,
  ]);
  const namesByIso2 = new Map<string, Translations>(countries.map((c) => [c.iso2, c.names]));
  namesByIso2.set(SAMPLE_COUNTRY.iso2, SAMPLE_COUNTRY.names);

  for (const city of awardCitySeed().cities) {
    const countryNames = namesByIso2.get(city.iso2);
    if (!countryNames) throw new Error(`award city ${city.slug} names unknown country ${city.iso2}`);
    await repository.upsertCity(
      {
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
        searchText: searchText(city.name, countryNames),
      },
      city.awards.map((year) => ({ year, title: `UNESCO Learning City Award ${year}` })),
    );
  }

  await repository.upsertCity(sampleCity(), []);
}

function sampleCity(): NewCity {
  return {
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
  };
}

/** What a search matches: the city name and its country's name in every language, folded. */
function searchText(name: string, countryNames: Translations): string {
  return foldForSearch([name, ...Object.values(countryNames)].join(' | '));
}
