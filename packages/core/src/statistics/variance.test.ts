import { describe, expect, it } from 'vitest';
import { rake } from './calibration.ts';
import { numericColumn } from './columns.ts';
import { surveyDesign } from './design.ts';
import { surveyMean } from './estimators.ts';

/** R's svyrecvar for a raked design without strata or clusters, written row by row as R does. */
function rVariance(
  weights: Float64Array,
  y: Float64Array,
  margins: readonly { cell: Int32Array; after: Float64Array }[],
) {
  const n = y.length;
  const total = weights.reduce((a, b) => a + b, 0);
  const mean = y.reduce((a, v, i) => a + v * (weights[i] as number), 0) / total;
  const z = Float64Array.from(y, (v, i) => ((v - mean) * (weights[i] as number)) / total);
  for (let sweep = 0; sweep < 10; sweep++) {
    for (const { cell, after } of margins) {
      const sums = new Map<number, [number, number]>();
      for (let i = 0; i < n; i++) {
        const [s, c] = sums.get(cell[i] as number) ?? [0, 0];
        sums.set(cell[i] as number, [s + (z[i] as number) / (after[i] as number), c + 1]);
      }
      for (let i = 0; i < n; i++) {
        const [s, c] = sums.get(cell[i] as number) as [number, number];
        z[i] = (z[i] as number) - (after[i] as number) * (s / c);
      }
    }
  }
  const zbar = z.reduce((a, b) => a + b, 0) / n;
  return (n / (n - 1)) * z.reduce((a, v) => a + (v - zbar) ** 2, 0);
}

function rakedSample(levels: number, rows: number) {
  const a = Array.from({ length: rows }, (_, i) => `a${i % levels}`);
  const b = Array.from({ length: rows }, (_, i) => (i % 3 === 0 ? 'x' : 'y'));
  const w = Array.from({ length: rows }, (_, i) => 1 + ((i * 7919) % 13) / 4);
  const y = Array.from({ length: rows }, (_, i) => ((i * 104729) % 101) / 10);
  const data = { rowCount: rows, columns: { a, b, w: numericColumn(w), y: numericColumn(y) } };
  const count = (values: string[]) => {
    const out: Record<string, number> = {};
    for (const v of values) out[v] = (out[v] ?? 0) + 10;
    return out;
  };
  const { design } = rake(surveyDesign(data, { weights: 'w' }), {
    margins: [
      { variable: 'a', population: count(a) },
      { variable: 'b', population: { x: 4 * rows, y: 6 * rows } },
    ],
  });
  return { design, y: Float64Array.from(y) };
}

describe('raking residuals', () => {
  it('equal R’s row-by-row sweeps when computed on cell sums (margins of a few cells)', () => {
    const { design, y } = rakedSample(7, 300);
    const step = design.calibration[0];
    if (step?.kind !== 'rake') throw new Error('raked design expected');
    const expected = rVariance(design.weights, y, step.margins);
    expect(Math.abs(surveyMean(design, 'y').se ** 2 - expected) / expected).toBeLessThan(1e-10);
  });

  it('equal R’s sweeps when a margin has too many cells for the cell-sum shortcut', () => {
    const { design, y } = rakedSample(2100, 2200);
    const step = design.calibration[0];
    if (step?.kind !== 'rake') throw new Error('raked design expected');
    const expected = rVariance(design.weights, y, step.margins);
    expect(Math.abs(surveyMean(design, 'y').se ** 2 - expected) / expected).toBeLessThan(1e-10);
  });
});
