// Invariants of weighting and estimation, on random data (fast-check): calibrated weights reproduce their
// targets, equal weights give the plain mean, and scaling every weight changes no mean.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postStratify, rake } from './calibration.ts';
import { categoricalColumn, numericColumn, type SurveyData } from './columns.ts';
import { surveyDesign } from './design.ts';
import { domains, surveyMean, surveyProportion, surveyTotal } from './estimators.ts';

const close = (a: number, b: number, tolerance: number) => Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));

/** Rows for every combination of three categorical variables (so raking is feasible), then random extra rows. */
const calibrationData = fc
  .record({
    levels: fc.tuple(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 4 }), fc.integer({ min: 2, max: 5 })),
    extra: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.double({ min: 0.2, max: 50, noNaN: true })), {
      maxLength: 120,
    }),
    baseWeight: fc.double({ min: 0.5, max: 20, noNaN: true }),
    shares: fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: 12, maxLength: 12 }),
    total: fc.integer({ min: 1_000, max: 1_000_000 }),
  })
  .map(({ levels, extra, baseWeight, shares, total }) => {
    const [la, lb, lc] = levels;
    const a: string[] = [];
    const b: string[] = [];
    const c: string[] = [];
    const w: number[] = [];
    for (let i = 0; i < la; i++)
      for (let j = 0; j < lb; j++)
        for (let k = 0; k < lc; k++) {
          a.push(`a${i}`);
          b.push(`b${j}`);
          c.push(`c${k}`);
          w.push(baseWeight);
        }
    for (const [i, j, k, weight] of extra) {
      a.push(`a${i % la}`);
      b.push(`b${j % lb}`);
      c.push(`c${k % lc}`);
      w.push(weight);
    }
    // Margins that add up to the same total.
    const margin = (prefix: string, count: number, offset: number) => {
      const parts = Array.from({ length: count }, (_, i) => shares[(offset + i) % shares.length] as number);
      const sum = parts.reduce((x, y) => x + y, 0);
      return Object.fromEntries(parts.map((p, i) => [`${prefix}${i}`, (total * p) / sum]));
    };
    const data: SurveyData = {
      rowCount: w.length,
      columns: { a, b, c, w: numericColumn(w) },
    };
    return { data, margins: { a: margin('a', la, 0), b: margin('b', lb, 3), c: margin('c', lc, 7) } };
  });

function weightedSums(weights: Float64Array, labels: readonly string[]): Map<string, number> {
  const sums = new Map<string, number>();
  labels.forEach((label, i) => {
    sums.set(label, (sums.get(label) ?? 0) + (weights[i] as number));
  });
  return sums;
}

const sample = fc
  .array(
    fc.record({
      y: fc.option(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { nil: null, freq: 6 }),
      stratum: fc.constantFrom('s1', 's2', 's3'),
      answer: fc.constantFrom('Yes', 'No'),
      w: fc.double({ min: 0.01, max: 1e3, noNaN: true }),
    }),
    { minLength: 8, maxLength: 150 },
  )
  .filter((rows) => {
    // Two rows with a value in every stratum keep the stratified variance defined.
    const per = new Map<string, number>();
    for (const r of rows) per.set(r.stratum, (per.get(r.stratum) ?? 0) + 1);
    return [...per.values()].every((n) => n >= 2) && rows.filter((r) => r.y !== null).length >= 2;
  });

function toData(
  rows: readonly { y: number | null; stratum: string; answer: string; w: number }[],
  scale = 1,
): SurveyData {
  return {
    rowCount: rows.length,
    columns: {
      y: numericColumn(rows.map((r) => r.y)),
      stratum: categoricalColumn(rows.map((r) => r.stratum)),
      answer: categoricalColumn(rows.map((r) => r.answer)),
      w: numericColumn(rows.map((r) => r.w * scale)),
    },
  };
}

describe('calibration', () => {
  it('raked weights reproduce every margin', () => {
    fc.assert(
      fc.property(calibrationData, ({ data, margins }) => {
        const design = surveyDesign(data, { weights: 'w' });
        const { design: raked, report } = rake(design, {
          margins: Object.entries(margins).map(([variable, population]) => ({ variable, population })),
          // R's relative tolerance is a fraction of the weights before raking, which can be 10⁶ times smaller
          // than the population: 1e-9 of them stays above rounding noise.
          tolerance: 1e-9,
          maxIterations: 2000,
        });
        expect(report.converged).toBe(true);
        for (const [variable, population] of Object.entries(margins)) {
          const sums = weightedSums(raked.weights, data.columns[variable] as string[]);
          for (const [level, count] of Object.entries(population))
            expect(close(sums.get(level) ?? 0, count, 1e-7)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('post-stratified weights reproduce every cell', () => {
    fc.assert(
      fc.property(calibrationData, ({ data }) => {
        const design = surveyDesign(data, { weights: 'w' });
        const a = data.columns.a as string[];
        const b = data.columns.b as string[];
        const cells = [...new Set(a.map((x, i) => `${x}|${b[i]}`))].map((cell, i) => {
          const [va = '', vb = ''] = cell.split('|');
          return { a: va, b: vb, count: 100 + 37 * i };
        });
        const { design: calibrated } = postStratify(design, { variables: ['a', 'b'], population: cells });
        const sums = weightedSums(
          calibrated.weights,
          a.map((x, i) => `${x}|${b[i]}`),
        );
        for (const cell of cells) expect(close(sums.get(`${cell.a}|${cell.b}`) ?? 0, cell.count, 1e-12)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('estimators', () => {
  it('equal weights give the simple mean of the answers given', () => {
    fc.assert(
      fc.property(sample, fc.double({ min: 0.1, max: 1e4, noNaN: true }), (rows, weight) => {
        const data = toData(rows.map((r) => ({ ...r, w: weight })));
        const values = rows.flatMap((r) => (r.y === null ? [] : [r.y]));
        const simple = values.reduce((a, b) => a + b, 0) / values.length;
        const scale = Math.max(1, ...values.map(Math.abs));
        const { estimate, n } = surveyMean(surveyDesign(data, { weights: 'w', strata: 'stratum' }), 'y');
        expect(n).toBe(values.length);
        expect(Math.abs(estimate - simple)).toBeLessThanOrEqual(1e-12 * scale);
      }),
    );
  });

  it('scaling every weight changes no mean, proportion or standard error of one, and scales totals', () => {
    fc.assert(
      fc.property(sample, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (rows, factor) => {
        const design = surveyDesign(toData(rows), { weights: 'w', strata: 'stratum' });
        const scaled = surveyDesign(toData(rows, factor), { weights: 'w', strata: 'stratum' });
        const m1 = surveyMean(design, 'y');
        const m2 = surveyMean(scaled, 'y');
        const scale = Math.max(1, Math.abs(m1.estimate), m1.se);
        expect(Math.abs(m1.estimate - m2.estimate)).toBeLessThanOrEqual(1e-10 * scale);
        expect(Math.abs(m1.se - m2.se)).toBeLessThanOrEqual(1e-8 * scale);
        const p1 = surveyProportion(design, 'answer', 'Yes');
        const p2 = surveyProportion(scaled, 'answer', 'Yes');
        expect(Math.abs(p1.estimate - p2.estimate)).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(p1.se - p2.se)).toBeLessThanOrEqual(1e-10);
        const t1 = surveyTotal(design, 'y');
        const t2 = surveyTotal(scaled, 'y');
        const magnitude = rows.reduce((a, r) => a + Math.abs((r.y ?? 0) * r.w), 1) * factor;
        expect(Math.abs(t2.estimate - t1.estimate * factor)).toBeLessThanOrEqual(1e-9 * magnitude);
      }),
    );
  });

  it('domain totals add up to the total of the whole sample', () => {
    fc.assert(
      fc.property(sample, (rows) => {
        const design = surveyDesign(toData(rows), { weights: 'w', strata: 'stratum' });
        const whole = surveyTotal(design, 'y');
        const parts = domains(design, ['answer']).map((d) => surveyTotal(design, 'y', { domain: d.rows }).estimate);
        const sum = parts.filter(Number.isFinite).reduce((a, b) => a + b, 0);
        const scale = rows.reduce((a, r) => a + Math.abs((r.y ?? 0) * r.w), 1);
        expect(Math.abs(sum - whole.estimate)).toBeLessThanOrEqual(1e-9 * scale);
      }),
    );
  });
});
