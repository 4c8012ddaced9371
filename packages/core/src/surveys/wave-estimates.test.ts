import { describe, expect, it } from 'vitest';
import { estimateSurvey } from '../statistics/estimate.ts';
import { buildInstrument } from './instrument.ts';
import { generateResponses } from './sample-responses.ts';
import type { Answers } from './types.ts';
import { checkMargins, estimateWave, type PopulationMargins } from './wave-estimates.ts';

const instrument = buildInstrument(
  {
    kind: 'citizen',
    districts: [
      { code: 'north', name: 'North' },
      { code: 'south', name: 'South' },
    ],
    languages: ['en'],
  },
  1,
);
const ages = ['15-24', '25-34', '35-44', '45-54', '55-64', '65+'];

function margins(): PopulationMargins {
  return {
    ageSex: ages.flatMap((ageGroup, i) => [
      { ageGroup, sex: 'female', count: 5000 + i * 100 },
      { ageGroup, sex: 'male', count: 4900 + i * 80 },
    ]),
    district: [
      { district: 'north', count: 0 },
      { district: 'south', count: 0 },
    ],
  };
}
function balanced(): PopulationMargins {
  const m = margins();
  const total = m.ageSex.reduce((a, c) => a + c.count, 0);
  return {
    ageSex: m.ageSex,
    district: [
      { district: 'north', count: 40_000 },
      { district: 'south', count: total - 40_000 },
    ],
  };
}

describe('checkMargins', () => {
  it('accepts margins that add up', () => {
    expect(checkMargins(instrument, balanced())).toEqual([]);
  });

  it('refuses margins that do not add up, with both totals', () => {
    const m = balanced();
    const issues = checkMargins(instrument, {
      ...m,
      district: [
        { district: 'north', count: 10 },
        { district: 'south', count: 10 },
      ],
    });
    expect(issues).toEqual([
      expect.objectContaining({ field: 'district', message: expect.stringContaining('add up to 20') }),
    ]);
  });

  it('names unknown, doubled and missing cells and bad counts', () => {
    const m = balanced();
    const issues = checkMargins(instrument, {
      ageSex: [...m.ageSex.slice(1), { ageGroup: '100+', sex: 'female', count: -1 }, m.ageSex[2] as never],
      district: m.district,
    });
    const messages = issues.map((i) => i.message).join('\n');
    expect(messages).toContain("'100+' is not an age group");
    expect(messages).toContain('is given twice');
    expect(messages).toContain('15-24 × female is missing');
    expect(messages).toContain('-1 is not a whole number');
  });
});

describe('estimateWave', () => {
  const responses = generateResponses(instrument, 600, 42);

  it('gives the engine’s raked estimates, a domain per universe', () => {
    const m = balanced();
    const result = estimateWave(instrument, responses, m);
    expect(result.weighting).toMatchObject({ method: 'raked', respondents: 600, excluded: 0 });
    expect(result.weighting.rake?.converged).toBe(true);
    // The same through the engine's design file: 2.1.3a is the mean of a 0/1 answer among those aged 25–64.
    const rows = responses as Answers[];
    const reference = estimateSurvey(
      {
        rowCount: rows.length,
        columns: {
          age_sex: rows.map((r) => `${r.age_group}|${r.sex}`),
          district: rows.map((r) => String(r.district)),
          y: rows.map((r) => (r.adult_learning === null ? '' : r.adult_learning === 'yes' ? '1' : '0')),
          working: rows.map((r) => (['25-34', '35-44', '45-54', '55-64'].includes(String(r.age_group)) ? 'in' : 'out')),
        },
      },
      {
        rake: {
          margins: [
            {
              variable: 'age_sex',
              population: Object.fromEntries(m.ageSex.map((c) => [`${c.ageGroup}|${c.sex}`, c.count])),
            },
            { variable: 'district', population: Object.fromEntries(m.district.map((c) => [c.district, c.count])) },
          ],
        },
        estimate: [{ mean: 'y' }],
        by: 'working',
      },
    );
    const inWorking = reference.estimates.find((e) => e.domain?.working === 'in');
    const ours = result.estimates.find((e) => e.measurementId === '2.1.3a');
    expect(ours?.value).toBeCloseTo((inWorking?.estimate ?? 0) * 100, 10);
    expect(ours?.se).toBeCloseTo((inWorking?.se ?? 0) * 100, 10);
    expect(ours?.n).toBe(inWorking?.n);
  });

  it('suppresses estimates behind fewer than 30 respondents', () => {
    const result = estimateWave(instrument, responses.slice(0, 40), null);
    const social = result.estimates.find((e) => e.measurementId === '1.1.4b');
    expect(social).toMatchObject({ suppressed: true, value: null, se: null, ci: null });
    expect(social?.n).toBeLessThan(30);
    const internet = result.estimates.find((e) => e.measurementId === '2.4.2b');
    expect(internet?.suppressed).toBe(false);
    expect(result.weighting.method).toBe('unweighted');
  });

  it('leaves out of weighting respondents whose cell is not in the margins, and says how many', () => {
    const m = balanced();
    const odd = responses.map((r, i) => (i < 5 ? { ...r, district: 'elsewhere' } : r));
    expect(estimateWave(instrument, odd, m).weighting.excluded).toBe(5);
  });
});

describe("Sample City's wave", () => {
  it('is deterministic, its margins add up, and it weights to them', async () => {
    const { sampleWave } = await import('./sample-wave.ts');
    const a = sampleWave();
    expect(sampleWave().responses).toEqual(a.responses);
    expect(checkMargins(a.instrument, a.margins)).toEqual([]);
    const result = estimateWave(a.instrument, a.responses, a.margins);
    expect(result.weighting.rake?.converged).toBe(true);
    expect(result.estimates.filter((e) => !e.suppressed).length).toBeGreaterThan(10);
  });
});
