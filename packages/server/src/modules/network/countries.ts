/**
 * Every country and territory of ISO 3166-1 with its names in the six UN languages and its UNESCO region.
 *
 * Names come from `i18n-iso-countries` (maintained, CLDR-based); the UN M49 continent comes from
 * `world-countries`; `unescoRegionOf` in core turns the continent into UNESCO's grouping. Only our six
 * locales are registered: the package's default entry point would load all of its ~80.
 */
import { LANGUAGES, type Lang, type RegionCode, type Translations, unescoRegionOf } from '@lco/core';
import isoCountries from 'i18n-iso-countries/index.js';
import ar from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import ru from 'i18n-iso-countries/langs/ru.json' with { type: 'json' };
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import worldCountries from 'world-countries/countries.json' with { type: 'json' };

export interface CountryRecord {
  /** ISO 3166-1 alpha-2, upper case (XK for Kosovo, a user-assigned code in common use). */
  iso2: string;
  /** ISO 3166-1 alpha-3, upper case (XKK for Kosovo, as i18n-iso-countries has it). */
  iso3: string;
  /** The name in all six languages. */
  names: Translations & Record<Lang, string>;
  region: RegionCode;
}

for (const locale of [en, fr, es, ar, zh, ru]) isoCountries.registerLocale(locale);

/**
 * Where the package's first English name is not the one the UN uses in running text. The circumflex of
 * Côte d'Ivoire is dropped in the package's ASCII-only first entry.
 */
const ENGLISH_NAMES: Readonly<Record<string, string>> = { CI: "Côte d'Ivoire" };

let cache: readonly CountryRecord[] | undefined;

/** All ISO 3166-1 countries and territories, sorted by alpha-2 code. Built once, then shared. */
export function buildCountries(): CountryRecord[] {
  cache ??= build();
  return cache.map((c) => ({ ...c, names: { ...c.names } }));
}

function build(): CountryRecord[] {
  const continents = new Map(worldCountries.map((c) => [c.cca2, { region: c.region, subregion: c.subregion }]));
  return Object.entries(isoCountries.getAlpha2Codes())
    .map(([iso2, iso3]) => {
      const continent = continents.get(iso2);
      // A new ISO code that world-countries has not caught up with must fail the build, not land in a region by chance.
      if (continent === undefined) throw new Error(`world-countries has no entry for ${iso2}`);
      return {
        iso2,
        iso3,
        names: namesOf(iso2),
        region: unescoRegionOf({ iso2, unRegion: continent.region, unSubregion: continent.subregion }),
      };
    })
    .sort((a, b) => a.iso2.localeCompare(b.iso2));
}

function namesOf(iso2: string): Translations & Record<Lang, string> {
  const entries = LANGUAGES.map((lang) => {
    const name = (lang === 'en' ? ENGLISH_NAMES[iso2] : undefined) ?? isoCountries.getName(iso2, lang);
    if (name === undefined || name.trim() === '') throw new Error(`i18n-iso-countries has no ${lang} name for ${iso2}`);
    return [lang, name] as const;
  });
  return Object.fromEntries(entries) as Record<Lang, string>;
}
