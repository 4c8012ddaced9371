import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../i18n/languages.ts';
import { REGION_CODES } from '../schemas/network.ts';
import { ARAB_STATES, REGIONS, regionByCode, unescoRegionOf } from './regions.ts';

const place = (iso2: string, unRegion: string, unSubregion = '') => unescoRegionOf({ iso2, unRegion, unSubregion });

describe('REGIONS', () => {
  it('lists exactly the region codes of the public schema, in the same order', () => {
    expect(REGIONS.map((r) => r.code)).toEqual([...REGION_CODES]);
  });

  it('names every region in all six languages', () => {
    for (const region of REGIONS) {
      for (const lang of LANGUAGES) expect(region.name[lang].trim(), `${region.code} ${lang}`).not.toBe('');
    }
  });

  it('uses UNESCO’s own wording', () => {
    expect(regionByCode('arab-states').name.fr).toBe('États arabes');
    expect(regionByCode('latin-america-caribbean').name.es).toBe('América Latina y el Caribe');
    expect(regionByCode('europe-north-america').name.ar).toBe('أوروبا وأمريكا الشمالية');
    expect(regionByCode('asia-pacific').name.zh).toBe('亚洲及太平洋');
    expect(regionByCode('africa').name.ru).toBe('Африка');
  });
});

describe('unescoRegionOf', () => {
  it('puts the twenty UNESCO Arab States in arab-states whether M49 says Africa or Asia', () => {
    expect(ARAB_STATES.size).toBe(20);
    expect(place('EG', 'Africa', 'Northern Africa')).toBe('arab-states');
    expect(place('MR', 'Africa', 'Western Africa')).toBe('arab-states');
    expect(place('DJ', 'Africa', 'Eastern Africa')).toBe('arab-states');
    expect(place('JO', 'Asia', 'Western Asia')).toBe('arab-states');
    expect(place('ps', 'Asia', 'Western Asia')).toBe('arab-states');
  });

  it('keeps Somalia, Comoros and Western Sahara in Africa, as UNESCO does', () => {
    expect(place('SO', 'Africa', 'Eastern Africa')).toBe('africa');
    expect(place('KM', 'Africa', 'Eastern Africa')).toBe('africa');
    expect(place('EH', 'Africa', 'Northern Africa')).toBe('africa');
    expect(place('NG', 'Africa', 'Western Africa')).toBe('africa');
  });

  it('puts Northern America with Europe and the rest of the Americas in Latin America and the Caribbean', () => {
    for (const iso2 of ['US', 'CA', 'GL', 'BM', 'PM'])
      expect(place(iso2, 'Americas', 'North America')).toBe('europe-north-america');
    expect(place('MX', 'Americas', 'North America')).toBe('latin-america-caribbean');
    expect(place('PR', 'Americas', 'Caribbean')).toBe('latin-america-caribbean');
    expect(place('BR', 'Americas', 'South America')).toBe('latin-america-caribbean');
  });

  it('groups Israel, Türkiye, Cyprus and the South Caucasus with Europe, the rest of Asia with the Pacific', () => {
    for (const iso2 of ['IL', 'TR', 'CY', 'AM', 'AZ', 'GE'])
      expect(place(iso2, 'Asia', 'Western Asia')).toBe('europe-north-america');
    expect(place('KZ', 'Asia', 'Central Asia')).toBe('asia-pacific');
    expect(place('IR', 'Asia', 'Southern Asia')).toBe('asia-pacific');
    expect(place('CN', 'Asia', 'Eastern Asia')).toBe('asia-pacific');
    expect(place('AU', 'Oceania', 'Australia and New Zealand')).toBe('asia-pacific');
  });

  it('puts all of Europe, Russia and Kosovo included, in europe-north-america', () => {
    expect(place('RU', 'Europe', 'Eastern Europe')).toBe('europe-north-america');
    expect(place('XK', 'Europe', 'Southeast Europe')).toBe('europe-north-america');
  });

  it('pins the territories that have no usable continent', () => {
    expect(place('AQ', 'Antarctic')).toBe('asia-pacific');
    expect(place('TF', 'Antarctic')).toBe('africa');
    expect(place('GS', 'Antarctic')).toBe('latin-america-caribbean');
    expect(place('UM', 'Americas', 'North America')).toBe('asia-pacific');
  });

  it('refuses to guess for a region it does not know', () => {
    expect(() => place('ZZ', 'Atlantis')).toThrow(/unknown UN region 'Atlantis'/);
  });
});
