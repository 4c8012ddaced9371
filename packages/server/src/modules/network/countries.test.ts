import { LANGUAGES } from '@lco/core';
import { describe, expect, it } from 'vitest';
import { buildCountries } from './countries.ts';

const countries = buildCountries();
const byIso2 = new Map(countries.map((c) => [c.iso2, c]));

describe('buildCountries', () => {
  it('lists every ISO 3166-1 country and territory once', () => {
    expect(countries.length).toBeGreaterThanOrEqual(245);
    expect(new Set(countries.map((c) => c.iso2)).size).toBe(countries.length);
    expect(new Set(countries.map((c) => c.iso3)).size).toBe(countries.length);
    for (const c of countries) {
      expect(c.iso2).toMatch(/^[A-Z]{2}$/);
      expect(c.iso3).toMatch(/^[A-Z]{3}$/);
    }
  });

  it('names every country in all six languages', () => {
    for (const c of countries) {
      for (const lang of LANGUAGES) expect(c.names[lang]?.trim(), `${c.iso2} ${lang}`).toBeTruthy();
    }
    expect(byIso2.get('FR')?.names).toMatchObject({ en: 'France', fr: 'France', zh: '法国' });
    expect(byIso2.get('CI')?.names.en).toBe("Côte d'Ivoire");
  });

  it.each([
    ['EG', 'arab-states'],
    ['MA', 'arab-states'],
    ['QA', 'arab-states'],
    ['NG', 'africa'],
    ['CM', 'africa'],
    // UNESCO counts Somalia in its Africa group although it is a member of the League of Arab States.
    ['SO', 'africa'],
    ['CN', 'asia-pacific'],
    ['KZ', 'asia-pacific'],
    ['AU', 'asia-pacific'],
    ['IL', 'europe-north-america'],
    ['TR', 'europe-north-america'],
    ['US', 'europe-north-america'],
    ['CA', 'europe-north-america'],
    ['GB', 'europe-north-america'],
    ['MX', 'latin-america-caribbean'],
    ['BR', 'latin-america-caribbean'],
  ])('puts %s in %s', (iso2, region) => {
    expect(byIso2.get(iso2)?.region).toBe(region);
  });

  it('carries Kosovo without breaking anything', () => {
    const kosovo = byIso2.get('XK');
    if (kosovo === undefined) return;
    expect(kosovo.region).toBe('europe-north-america');
    expect(kosovo.names.en).toBe('Kosovo');
  });

  it('hands out copies, so a caller cannot change the shared list', () => {
    const first = buildCountries();
    const fr = first.find((c) => c.iso2 === 'FR');
    if (fr) fr.names.en = 'changed';
    expect(buildCountries().find((c) => c.iso2 === 'FR')?.names.en).toBe('France');
  });
});
