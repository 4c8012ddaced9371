import { buildInstrument } from './instrument.ts';
import { generateResponses } from './sample-responses.ts';
import type { Answers, Instrument, InstrumentDesign } from './types.ts';
import type { PopulationMargins } from './wave-estimates.ts';

/** Fictional Sample City's survey wave: the whole fieldwork flow to look at on first start. */
export interface SampleWave {
  surveyId: string;
  waveId: string;
  /** The public link's code: /s/sample-city/sample. */
  code: string;
  name: string;
  design: InstrumentDesign;
  instrument: Instrument;
  opensAt: string;
  closesAt: string;
  margins: PopulationMargins;
  responses: Answers[];
}

const AGES = ['15-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;

/**
 * Sample City's residents' survey: four districts, its invented census margins (age group × sex and district,
 * 240,000 residents aged 15+), and 600 responses from the seeded generator, younger people over-represented
 * as online surveys are, so weighting has something to do. Open until 2099 so its public page can be tried.
 * Deterministic: the same data on every machine.
 * @example sampleWave().responses.length // 600
 */
export function sampleWave(seed = 20_250_301): SampleWave {
  const design: InstrumentDesign = {
    kind: 'citizen',
    districts: [
      { code: 'old-town', name: 'Old Town' },
      { code: 'riverside', name: 'Riverside' },
      { code: 'hillside', name: 'Hillside' },
      { code: 'new-quarter', name: 'New Quarter' },
    ],
    languages: ['en', 'fr', 'es', 'ar', 'zh', 'ru'],
  };
  const instrument = buildInstrument(design, 1);
  const shares = [0.15, 0.17, 0.18, 0.17, 0.16, 0.17];
  const ageSex = AGES.flatMap((ageGroup, i) => {
    const total = Math.round(240_000 * (shares[i] ?? 0));
    const female = Math.round(total * (i === 5 ? 0.56 : 0.51));
    return [
      { ageGroup, sex: 'female', count: female },
      { ageGroup, sex: 'male', count: total - female },
    ];
  });
  const population = ageSex.reduce((a, c) => a + c.count, 0);
  const district = [
    { district: 'old-town', count: 52_000 },
    { district: 'riverside', count: 71_000 },
    { district: 'hillside', count: 48_000 },
    { district: 'new-quarter', count: population - 171_000 },
  ];
  return {
    surveyId: '5a3b1e00-0000-4000-8000-000000000001',
    waveId: '5a3b1e00-0000-4000-8000-000000000002',
    code: 'sample',
    name: 'Residents’ survey 2025 (sample)',
    design,
    instrument,
    opensAt: '2025-03-01T00:00:00.000Z',
    closesAt: '2099-12-31T00:00:00.000Z',
    margins: { ageSex, district },
    responses: generateResponses(instrument, 600, seed),
  };
}
