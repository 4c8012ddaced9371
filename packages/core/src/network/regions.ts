/**
 * UNESCO's five regions and the rule that files a country under one of them.
 *
 * UNESCO groups its Member States for its regional work (and the Learning City Award rotates through
 * these groups) in a way that follows neither the UN M49 continents nor the UN regional groups exactly:
 * the Arab States are a region of their own across Africa and Asia, and Israel, Türkiye, Cyprus and the
 * South Caucasus sit with Europe and North America. We start from UN M49 (which every country dataset
 * carries) and correct it with the explicit tables below. Plain data and pure functions: no I/O.
 */
import type { Lang } from '../i18n/languages.ts';
import type { RegionCode } from '../schemas/network.ts';

export interface Region {
  code: RegionCode;
  /** The region's name as UNESCO writes it, in all six languages. */
  name: Record<Lang, string>;
}

/**
 * The five UNESCO regions in the order of `REGION_CODES`.
 * @example REGIONS.find((r) => r.code === 'arab-states')?.name.fr // 'États arabes'
 */
export const REGIONS: readonly Region[] = [
  {
    code: 'africa',
    name: { en: 'Africa', fr: 'Afrique', es: 'África', ar: 'أفريقيا', zh: '非洲', ru: 'Африка' },
  },
  {
    code: 'arab-states',
    name: {
      en: 'Arab States',
      fr: 'États arabes',
      es: 'Estados Árabes',
      ar: 'الدول العربية',
      zh: '阿拉伯国家',
      ru: 'Арабские государства',
    },
  },
  {
    code: 'asia-pacific',
    name: {
      en: 'Asia and the Pacific',
      fr: 'Asie et Pacifique',
      es: 'Asia y el Pacífico',
      ar: 'آسيا والمحيط الهادئ',
      zh: '亚洲及太平洋',
      ru: 'Азия и Тихий океан',
    },
  },
  {
    code: 'europe-north-america',
    name: {
      en: 'Europe and North America',
      fr: 'Europe et Amérique du Nord',
      es: 'Europa y América del Norte',
      ar: 'أوروبا وأمريكا الشمالية',
      zh: '欧洲和北美',
      ru: 'Европа и Северная Америка',
    },
  },
  {
    code: 'latin-america-caribbean',
    name: {
      en: 'Latin America and the Caribbean',
      fr: 'Amérique latine et Caraïbes',
      es: 'América Latina y el Caribe',
      ar: 'أمريكا اللاتينية والكاريبي',
      zh: '拉丁美洲和加勒比',
      ru: 'Латинская Америка и Карибский бассейн',
    },
  },
];

const REGIONS_BY_CODE: ReadonlyMap<RegionCode, Region> = new Map(REGIONS.map((r) => [r.code, r]));

/**
 * The region with this code.
 * @example regionByCode('asia-pacific').name.en // 'Asia and the Pacific'
 */
export function regionByCode(code: RegionCode): Region {
  const region = REGIONS_BY_CODE.get(code);
  // REGIONS covers REGION_CODES (a test proves it), so this only fires if the two drift apart.
  if (region === undefined) throw new Error(`unknown UNESCO region ${code}`);
  return region;
}

/**
 * UNESCO's Arab States region: all of its Member States, whichever continent M49 puts them on.
 * Somalia and Comoros belong to the League of Arab States but UNESCO counts them in its Africa group,
 * so they are deliberately absent here and fall through to Africa.
 */
export const ARAB_STATES: ReadonlySet<string> = new Set([
  'DZ', // Algeria
  'BH', // Bahrain
  'DJ', // Djibouti
  'EG', // Egypt
  'IQ', // Iraq
  'JO', // Jordan
  'KW', // Kuwait
  'LB', // Lebanon
  'LY', // Libya
  'MR', // Mauritania
  'MA', // Morocco
  'OM', // Oman
  'PS', // Palestine
  'QA', // Qatar
  'SA', // Saudi Arabia
  'SD', // Sudan
  'SY', // Syria
  'TN', // Tunisia
  'AE', // United Arab Emirates
  'YE', // Yemen
]);

/**
 * M49's "Northern America": the only part of the Americas that UNESCO puts with Europe. Listed by code
 * because common country datasets stretch "North America" to Mexico, which is in Latin America for UNESCO.
 */
const NORTHERN_AMERICA: ReadonlySet<string> = new Set([
  'US', // United States
  'CA', // Canada
  'GL', // Greenland
  'BM', // Bermuda
  'PM', // Saint Pierre and Miquelon
]);

/** Countries of M49 Western Asia that UNESCO groups with Europe and North America. */
const WEST_ASIA_IN_EUROPE: ReadonlySet<string> = new Set([
  'IL', // Israel
  'TR', // Türkiye
  'CY', // Cyprus (M49 Western Asia; some datasets already say Europe)
  'AM', // Armenia
  'AZ', // Azerbaijan
  'GE', // Georgia
]);

/**
 * Territories whose continent the datasets leave empty or get wrong, pinned to the region their
 * UN M49 parent implies. No learning city can be in any of them; they are here so that every ISO
 * 3166-1 code has a region.
 */
const TERRITORY_REGIONS: ReadonlyMap<string, RegionCode> = new Map<string, RegionCode>([
  // Antarctica has no M49 region at all. We file it with Asia and the Pacific, where M49 puts the
  // nearest sub-Antarctic territory (Heard and McDonald, Oceania); the choice affects only a count.
  ['AQ', 'asia-pacific'],
  ['BV', 'latin-america-caribbean'], // Bouvet Island: M49 South America
  ['GS', 'latin-america-caribbean'], // South Georgia and the South Sandwich Islands: M49 South America
  ['HM', 'asia-pacific'], // Heard Island and McDonald Islands: M49 Oceania
  ['TF', 'africa'], // French Southern Territories: M49 Eastern Africa
  // US Minor Outlying Islands are almost all Pacific atolls (Wake, Midway, Johnston …): M49 Micronesia,
  // although some datasets put them in "North America".
  ['UM', 'asia-pacific'],
]);

/** What we need to know about a country to place it: UN M49 region and subregion, as datasets name them. */
export interface CountryPlacement {
  /** ISO 3166-1 alpha-2 code, upper case (user-assigned codes such as XK for Kosovo are fine). */
  iso2: string;
  /** M49 region: 'Africa', 'Americas', 'Asia', 'Europe', 'Oceania' (anything else needs a territory pin). */
  unRegion: string;
  /** M49 subregion, e.g. 'Northern America', 'Western Asia'; may be empty. */
  unSubregion: string;
}

/**
 * The UNESCO region of a country, from its UN M49 region/subregion corrected by UNESCO's own grouping.
 * Throws for a region it does not know rather than guessing, so a new dataset cannot slip a country
 * into the wrong region silently.
 * @example unescoRegionOf({ iso2: 'EG', unRegion: 'Africa', unSubregion: 'Northern Africa' }) // 'arab-states'
 * @example unescoRegionOf({ iso2: 'MX', unRegion: 'Americas', unSubregion: 'North America' }) // 'latin-america-caribbean'
 * @example unescoRegionOf({ iso2: 'IL', unRegion: 'Asia', unSubregion: 'Western Asia' }) // 'europe-north-america'
 */
export function unescoRegionOf({ iso2, unRegion, unSubregion }: CountryPlacement): RegionCode {
  const code = iso2.toUpperCase();
  const pinned = TERRITORY_REGIONS.get(code);
  if (pinned !== undefined) return pinned;
  // The Arab States straddle Africa and Asia, so they are decided before the continent.
  if (ARAB_STATES.has(code)) return 'arab-states';
  switch (unRegion) {
    case 'Africa':
      return 'africa';
    case 'Americas':
      return NORTHERN_AMERICA.has(code) || unSubregion === 'Northern America'
        ? 'europe-north-america'
        : 'latin-america-caribbean';
    case 'Europe':
      return 'europe-north-america';
    case 'Asia':
      return WEST_ASIA_IN_EUROPE.has(code) ? 'europe-north-america' : 'asia-pacific';
    case 'Oceania':
      return 'asia-pacific';
    default:
      throw new Error(`no UNESCO region for ${code}: unknown UN region '${unRegion}'`);
  }
}
