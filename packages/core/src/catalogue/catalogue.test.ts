import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../i18n/languages.ts';
import {
  FrameworkResponseSchema,
  MeasurementResponseSchema,
  PolaritySchema,
  SourceSchema,
  UnitSchema,
} from '../schemas/framework.ts';
import {
  allFeatures,
  allFocusAreas,
  allMeasurements,
  catalogue,
  findMeasurement,
  measurementRows,
  presentFramework,
  presentMeasurement,
  TRANSLATED_LANGS,
  TRANSLATION_NOTICES,
  translationKeys,
  translationsFor,
} from './index.ts';

const EXPECTED_MEASUREMENT_IDS = (
  '1.1.1a 1.1.2a 1.1.2b 1.1.3a 1.1.3b 1.1.4a 1.1.4b 1.2.1a 1.2.1b 1.2.2a 1.2.3a 1.2.3b 1.2.4a 1.2.5a ' +
  '1.3.1a 1.3.1b 1.3.2a 1.3.2b 1.3.3a 1.3.3b 2.1.1a 2.1.2a 2.1.3a 2.1.4a 2.1.4b 2.2.1a 2.2.1b 2.2.2a ' +
  '2.2.2b 2.2.3a 2.3.1a 2.3.1b 2.3.2a 2.3.3a 2.3.4a 2.3.4b 2.4.1a 2.4.1b 2.4.2a 2.4.2b 2.4.2c 2.5.1a ' +
  '2.5.2a 2.5.3a 2.5.4a 2.6.1a 2.6.2a 2.6.3a 3.1.1a 3.1.2a 3.1.3a 3.2.1a 3.2.2a 3.2.2b 3.3.1a 3.3.1b ' +
  '3.3.2a 3.3.3a 3.3.4a 3.3.5a'
).split(' ');

function meta(lang: (typeof LANGUAGES)[number]) {
  return { lang, requestedLang: lang, fallback: false };
}

describe('the shape of the Key Features', () => {
  it('has 3 areas, 12 focus areas, 42 features and 60 measurements', () => {
    expect(catalogue.version).toBe('key-features-2013');
    expect(catalogue.areas).toHaveLength(3);
    expect(allFocusAreas()).toHaveLength(12);
    expect(allFeatures()).toHaveLength(42);
    expect(allMeasurements()).toHaveLength(60);
  });

  it('maps the areas onto the temple: pediment, columns, steps', () => {
    expect(catalogue.areas.map((a) => [a.id, a.role])).toEqual([
      ['1', 'pediment'],
      ['2', 'columns'],
      ['3', 'steps'],
    ]);
  });

  it('numbers focus areas and features hierarchically, with each child pointing at its parent', () => {
    expect(allFocusAreas().map((f) => f.id)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '2.1',
      '2.2',
      '2.3',
      '2.4',
      '2.5',
      '2.6',
      '3.1',
      '3.2',
      '3.3',
    ]);
    for (const area of catalogue.areas) {
      for (const focusArea of area.focusAreas) {
        expect(focusArea.areaId).toBe(area.id);
        expect(focusArea.id.startsWith(`${area.id}.`)).toBe(true);
        focusArea.features.forEach((feature, index) => {
          expect(feature.code).toBe(`${focusArea.id}.${index + 1}`);
          expect(feature.focusAreaId).toBe(focusArea.id);
          expect(feature.measurements.length).toBeGreaterThan(0);
        });
      }
    }
  });

  it('gives every measurement the id feature code + letter in table order, starting at a', () => {
    expect(allMeasurements().map((m) => m.id)).toEqual(EXPECTED_MEASUREMENT_IDS);
    for (const feature of allFeatures()) {
      feature.measurements.forEach((m, index) => {
        expect(m.id).toMatch(/^[1-3]\.[1-6]\.[1-5][a-c]$/);
        expect(m.id).toBe(`${feature.code}${'abc'[index]}`);
        expect(m.featureCode).toBe(feature.code);
      });
    }
  });

  it('has unique ids at every level', () => {
    const ids = [
      ...catalogue.areas.map((a) => a.id),
      ...allFocusAreas().map((f) => f.id),
      ...allFeatures().map((f) => f.code),
      ...allMeasurements().map((m) => m.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('every measurement is complete', () => {
  it.each(allMeasurements().map((m) => [m.id, m] as const))('%s', (_id, m) => {
    expect(m.name.trim()).not.toBe('');
    expect(m.definition.trim()).not.toBe('');
    expect(SourceSchema.safeParse(m.source).success).toBe(true);
    expect(UnitSchema.safeParse(m.unit).success).toBe(true);
    expect(PolaritySchema.safeParse(m.polarity).success).toBe(true);
    if (m.range.max !== null) expect(m.range.min).toBeLessThan(m.range.max);
    if (m.unit === 'rating-1-5') {
      expect(m.range).toEqual({ min: 1, max: 5 });
      expect(['expert', 'survey']).toContain(m.source);
    }
    if (m.source === 'expert') expect(m.unit).toBe('rating-1-5');
    if (m.unit === 'percent') expect(m.range).toEqual({ min: 0, max: 100 });
    for (const breakdown of m.breakdowns) {
      expect(breakdown.categories.length).toBeGreaterThan(1);
      expect(new Set(breakdown.categories).size).toBe(breakdown.categories.length);
    }
    for (const target of m.sdgTargets) expect(target).toMatch(/^\d{1,2}\.([1-9]|[a-c])$/);
    for (const direction of m.mexicoDirections) expect(direction).toBeGreaterThanOrEqual(1);
    for (const direction of m.mexicoDirections) expect(direction).toBeLessThanOrEqual(10);
  });

  it('breaks sex-disaggregated measurements down into male, female and total', () => {
    const bySex = allMeasurements()
      .filter((m) => m.breakdowns.some((b) => b.dimension === 'sex'))
      .map((m) => m.id);
    expect(bySex).toEqual(['1.1.1a', '1.2.2a', '2.1.1a', '2.1.2a']);
    expect(findMeasurement('2.1.1a')?.breakdowns[0]?.categories).toEqual(['male', 'female', 'total']);
  });

  it('reads lower crime, poverty, unemployment, NEET, CO2, slums and pupil–teacher ratios as better', () => {
    const lowerBetter = allMeasurements()
      .filter((m) => m.polarity === 'lower-better')
      .map((m) => m.id);
    expect(lowerBetter).toEqual(['1.1.4a', '1.2.1b', '1.2.2a', '1.3.1a', '1.3.2a', '2.3.4a', '2.5.3a']);
  });

  it('finds a measurement by id and returns undefined for an unknown one', () => {
    expect(findMeasurement('1.1.2b')?.name).toBe('Participation in volunteering and community activities');
    expect(findMeasurement('1.1.2c')).toBeUndefined();
    expect(findMeasurement('')).toBeUndefined();
  });
});

describe('links to the Beijing Declaration, the Mexico City Statement and the Guidelines', () => {
  it('gives each focus area its Beijing commitment, numbered 1 to 12 in focus-area order, with actions', () => {
    const focusAreas = allFocusAreas();
    expect(focusAreas.map((f) => f.commitment.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const focusArea of focusAreas) {
      expect(focusArea.commitment.text.trim()).not.toBe('');
      expect(focusArea.commitment.actions.length).toBeGreaterThanOrEqual(1);
      // The commitment heading and the focus-area title are the same words (bar British/American spelling).
      const normalise = (s: string) => s.toLowerCase().replace(/is(e|ing|ation)/g, 'iz$1');
      expect(normalise(focusArea.commitment.title)).toBe(normalise(focusArea.title));
    }
  });

  it('has the 10 strategic directions of the Mexico City Statement', () => {
    expect(catalogue.strategicDirections.map((d) => d.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const d of catalogue.strategicDirections) {
      expect(d.title.trim()).not.toBe('');
      expect(d.text.length).toBeGreaterThan(d.title.length);
    }
  });

  it('has the 6 areas of action of the Guidelines, each with its actions', () => {
    expect(catalogue.areasOfAction.map((a) => a.keyword)).toEqual([
      'Planning',
      'Involvement',
      'Celebration',
      'Accessibility',
      'Monitoring and evaluation',
      'Funding',
    ]);
    for (const a of catalogue.areasOfAction) expect(a.actions.length).toBeGreaterThanOrEqual(4);
  });

  it('labels the rating scale 5 Excellent … 1 Poor', () => {
    expect(catalogue.ratingLabels.map((r) => `${r.value} ${r.label}`)).toEqual([
      '5 Excellent',
      '4 Very good',
      '3 Good',
      '2 Fair',
      '1 Poor',
    ]);
  });
});

describe('reconstructed text', () => {
  it('marks the lost title of feature 2.4.2 as reconstructed', () => {
    const feature = allFeatures().find((f) => f.code === '2.4.2');
    expect(feature?.title).toBe("Expanding citizens' access to ICT tools and learning programmes");
    expect(feature?.reconstruction?.reconstructed).toBe(true);
    expect(feature?.reconstruction?.note).toMatch(/commitment 7/);
    expect(feature?.measurements.map((m) => m.name)).toEqual([
      'Mobile penetration rate',
      'Internet usage',
      'Participation in learning through the internet',
    ]);
  });

  it('marks the reconstructed level breakdown of measurement 3.3.1b', () => {
    const m = findMeasurement('3.3.1b');
    expect(m?.reconstruction?.reconstructed).toBe(true);
    expect(m?.reconstruction?.note).toMatch(/ISCED 0-3/);
    expect(m?.breakdowns).toEqual([
      { dimension: 'level', categories: ['basic', 'post-secondary-non-tertiary', 'tertiary', 'adult-continuing'] },
    ]);
  });

  it('reconstructs nothing else', () => {
    const reconstructed = [
      ...allFeatures()
        .filter((f) => f.reconstruction)
        .map((f) => f.code),
      ...allMeasurements()
        .filter((m) => m.reconstruction)
        .map((m) => m.id),
    ];
    expect(reconstructed).toEqual(['2.4.2', '3.3.1b']);
  });
});

describe('presenters', () => {
  it.each(LANGUAGES)('presents the framework in %s as a valid FrameworkResponse', (lang) => {
    const parsed = FrameworkResponseSchema.safeParse({ ...meta(lang), ...presentFramework(lang) });
    expect(parsed.error).toBeUndefined();
  });

  it.each(LANGUAGES)('presents every measurement in %s as a valid MeasurementResponse', (lang) => {
    for (const m of allMeasurements()) {
      const parsed = MeasurementResponseSchema.safeParse({ ...meta(lang), ...presentMeasurement(m.id, lang) });
      expect(parsed.error).toBeUndefined();
    }
  });

  it('returns undefined for an unknown measurement', () => {
    expect(presentMeasurement('4.1.1a', 'en')).toBeUndefined();
  });

  it('says in the requested language that English is authoritative', () => {
    for (const lang of LANGUAGES) expect(presentFramework(lang).translationNotice).toBe(TRANSLATION_NOTICES[lang]);
    expect(new Set(Object.values(TRANSLATION_NOTICES)).size).toBe(LANGUAGES.length);
  });

  it('serves English titles as English', () => {
    const body = presentFramework('en');
    expect(body.areas[0]?.title).toEqual({ text: 'Wider benefits of building a learning city', lang: 'en' });
    expect(presentMeasurement('1.1.1a', 'en')?.measurement.name).toEqual({ text: 'Adult literacy rate', lang: 'en' });
  });

  it('falls back to English visibly when a title is not translated', () => {
    const partial = { 'area:1': 'Avantages plus larges de la construction d’une ville apprenante' };
    const body = presentFramework('fr', partial);
    expect(body.areas[0]?.title).toEqual({ text: partial['area:1'], lang: 'fr' });
    expect(body.areas[1]?.title).toEqual({ text: 'Major building blocks of a learning city', lang: 'en' });
    expect(body.areas[0]?.focusAreas[0]?.features[0]?.measurements[0]?.name).toEqual({
      text: 'Adult literacy rate',
      lang: 'en',
    });
    expect(presentMeasurement('1.1.1a', 'zh', {})?.area.title).toEqual({
      text: 'Wider benefits of building a learning city',
      lang: 'en',
    });
    expect(measurementRows('ru', {})[0]).toMatchObject({ name: 'Adult literacy rate', nameLang: 'en' });
  });

  it('treats a blank translation as missing, never serving an empty title', () => {
    const body = presentFramework('es', { 'rating:5': '  ' });
    expect(body.ratingLabels[0]?.label).toEqual({ text: 'Excellent', lang: 'en' });
  });

  it('serves definitions, commitments and actions in English whatever the language', () => {
    for (const lang of TRANSLATED_LANGS) {
      const body = presentFramework(lang);
      const focus = body.areas[0]?.focusAreas[0];
      expect(focus?.commitment.text.lang).toBe('en');
      expect(focus?.commitment.actions.every((a) => a.lang === 'en')).toBe(true);
      expect(focus?.features[0]?.measurements[0]?.definition.lang).toBe('en');
      expect(body.strategicDirections[0]?.text.lang).toBe('en');
      expect(body.areasOfAction[0]?.actions.every((a) => a.lang === 'en')).toBe(true);
    }
  });

  it('flattens the measurements into CSV-friendly rows', () => {
    const rows = measurementRows('en');
    expect(rows).toHaveLength(60);
    expect(rows[0]).toMatchObject({
      id: '1.1.1a',
      areaId: '1',
      focusAreaId: '1.1',
      featureCode: '1.1.1',
      name: 'Adult literacy rate',
      nameLang: 'en',
      source: 'official',
      unit: 'percent',
      breakdowns: 'sex:male|female|total',
      polarity: 'higher-better',
      min: 0,
      max: 100,
      sdgTargets: '4.6',
      reconstructed: false,
    });
    expect(rows.find((r) => r.id === '2.3.4a')?.mexicoDirections).toBe('5;8');
    expect(rows.filter((r) => r.reconstructed).map((r) => r.id)).toEqual(['2.4.2a', '2.4.2b', '2.4.2c', '3.3.1b']);
  });

  it('keeps the catalogue immutable', () => {
    expect(Object.isFrozen(catalogue)).toBe(true);
    expect(Object.isFrozen(findMeasurement('1.1.1a')?.breakdowns[0]?.categories)).toBe(true);
  });
});

describe('translations', () => {
  it('has 138 translation keys, all distinct', () => {
    const keys = translationKeys();
    expect(keys).toHaveLength(3 + 12 + 42 + 60 + 10 + 6 + 5);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('carries no translation under a key the catalogue does not have', () => {
    const known = new Set(translationKeys());
    for (const lang of TRANSLATED_LANGS) {
      const unknown = Object.keys(translationsFor(lang)).filter((k) => !known.has(k));
      expect(unknown, `${lang} has unknown keys`).toEqual([]);
    }
  });

  // Fails until the translators have finished fr, es, ar, zh and ru: that is the point of it.
  it('every title is translated in all six languages', () => {
    const missing: string[] = [];
    for (const lang of TRANSLATED_LANGS) {
      const translations = translationsFor(lang);
      for (const key of translationKeys()) {
        if ((translations[key] ?? '').trim() === '') missing.push(`${lang} ${key}`);
      }
    }
    expect(missing, `${missing.length} missing translations`).toEqual([]);
  });
});
