import { describe, expect, it } from 'vitest';
import { awardCitySeed } from './award-cities.ts';
import { buildCountries } from './countries.ts';

const { cities, source, license } = awardCitySeed();
const bySlug = new Map(cities.map((c) => [c.slug, c]));

function city(slug: string) {
  const found = bySlug.get(slug);
  if (found === undefined) throw new Error(`no award city ${slug}`);
  return found;
}

describe('award-cities.json', () => {
  it('holds the 58 awards of 2015–2024 as 57 cities, Cork having won twice', () => {
    expect(cities.flatMap((c) => c.awards)).toHaveLength(58);
    expect(cities).toHaveLength(57);
    expect(city('cork').awards).toEqual([2015, 2024]);
    expect(cities.filter((c) => c.awards.length > 1).map((c) => c.slug)).toEqual(['cork']);
    const perYear = Object.fromEntries([2015, 2017, 2019, 2021, 2024].map((y) => [y, 0]));
    for (const c of cities) for (const y of c.awards) perYear[y] = (perYear[y] ?? 0) + 1;
    expect(perYear).toEqual({ 2015: 12, 2017: 16, 2019: 10, 2021: 10, 2024: 10 });
  });

  it('gives every city a unique ASCII kebab-case slug', () => {
    expect(new Set(cities.map((c) => c.slug)).size).toBe(cities.length);
    for (const c of cities) expect(c.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(bySlug.has('santiago-mx')).toBe(true);
  });

  it('places every city in a country of the ISO list', () => {
    const iso2 = new Set(buildCountries().map((c) => c.iso2));
    for (const c of cities) expect(iso2.has(c.iso2), `${c.slug} ${c.iso2}`).toBe(true);
  });

  it('has a location, a GeoNames id and a feature code together or not at all, and a note when not', () => {
    for (const c of cities) {
      const located = c.lat !== null && c.lon !== null && c.geonameId !== null && c.featureCode !== null;
      const unlocated = c.lat === null && c.lon === null && c.geonameId === null && c.featureCode === null;
      expect(located || unlocated, c.slug).toBe(true);
      if (unlocated) expect(c.note, c.slug).toBeTruthy();
      if (c.lat !== null && c.lon !== null) {
        expect(Math.abs(c.lat)).toBeLessThanOrEqual(90);
        expect(Math.abs(c.lon)).toBeLessThanOrEqual(180);
        expect(c.lat).toBe(Math.round(c.lat * 1e5) / 1e5);
        expect(c.lon).toBe(Math.round(c.lon * 1e5) / 1e5);
      }
      if (c.population !== null) expect(Number.isInteger(c.population) && c.population > 0, c.slug).toBe(true);
    }
  });

  it.each([
    ['melton', -37.68, 144.58],
    ['cork', 51.9, -8.47],
    ['beijing', 39.9, 116.4],
    ['mexico-city', 19.43, -99.13],
    ['amman', 31.95, 35.93],
    // Nuevo León, not Querétaro: Santiago de Querétaro is at 20.59, -100.39.
    ['santiago-mx', 25.43, -100.15],
    ['heraklion', 35.34, 25.13],
  ])('puts %s where it is', (slug, lat, lon) => {
    const c = city(slug);
    expect(Math.abs((c.lat ?? Number.NaN) - lat)).toBeLessThan(0.3);
    expect(Math.abs((c.lon ?? Number.NaN) - lon)).toBeLessThan(0.3);
  });

  it('does not pass a suburb off as Melton or Wyndham', () => {
    for (const slug of ['melton', 'wyndham']) {
      const c = city(slug);
      if (c.population !== null && c.population > 50_000) continue;
      // GeoNames has only their suburbs: no population, and a note that says so.
      expect(c.population, slug).toBeNull();
      expect(c.note, slug).toMatch(/local government area/);
    }
  });

  it('leaves Mayo-Baléo without a location rather than guessing', () => {
    const c = city('mayo-baleo');
    expect(c.name).toBe('Mayo-Baléo');
    if (c.geonameId === null) expect(c.note).toMatch(/not in the GeoNames/);
  });

  it('credits GeoNames', () => {
    expect(source).toMatch(/GeoNames/);
    expect(license).toMatch(/CC BY 4\.0/);
  });
});
