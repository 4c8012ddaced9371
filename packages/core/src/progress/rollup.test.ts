import { describe, expect, it } from 'vitest';
import { findMeasurement } from '../catalogue/index.ts';
import { assessSeries } from './assess.ts';
import { type CityProgress, ROLL_UP_BUCKETS, rollUp } from './rollup.ts';
import type { ProgressResult, Target } from './types.ts';

function assess(id: string, values: Record<number, number>, target?: Target): ProgressResult {
  const m = findMeasurement(id);
  if (!m) throw new Error(`no measurement ${id}`);
  const points = Object.entries(values).map(([year, value]) => ({ year: Number(year), value }));
  return assessSeries({ points, polarity: m.polarity, unit: m.unit, range: m.range, target });
}

/** A city's results: measurement id → breakdown → result. */
function city(entries: Record<string, Record<string, ProgressResult>>): CityProgress {
  return new Map(Object.entries(entries).map(([id, byBreakdown]) => [id, new Map(Object.entries(byBreakdown))]));
}

const literacy = assess('1.1.1a', { 2019: 88, 2021: 89.5, 2023: 91 }, { year: 2030, value: 95 });

describe('rollUp', () => {
  it('covers the whole framework at every level: 42 features, 12 focus areas, 3 areas, 60 measurements', () => {
    const empty = city({});
    for (const [level, nodes] of [
      ['feature', 42],
      ['focus-area', 12],
      ['area', 3],
    ] as const) {
      const rows = rollUp(empty, level);
      expect(rows).toHaveLength(nodes);
      expect(rows.reduce((n, r) => n + r.measurements, 0)).toBe(60);
      for (const r of rows) expect(r.counts['no-data']).toBe(r.measurements);
    }
    expect(rollUp(empty, 'area').map((r) => r.id)).toEqual(['1', '2', '3']);
  });

  it('counts each measurement once, by its total series, and measures coverage', () => {
    const progress = city({
      '1.1.1a': {
        total: literacy,
        'sex:female': assess('1.1.1a', { 2019: 85, 2023: 84 }, { year: 2030, value: 95 }),
      },
      '1.1.2a': { total: assess('1.1.2a', { 2022: 61 }) },
      '1.1.4a': { total: assess('1.1.4a', { 2019: 420, 2023: 395 }) },
    });
    const focus = rollUp(progress, 'focus-area').find((r) => r.id === '1.1');
    expect(focus).toMatchObject({
      level: 'focus-area',
      measurements: 7,
      coverage: { withValue: 3, withTwoValues: 2, withValueShare: 3 / 7, withTwoValuesShare: 2 / 7 },
    });
    expect(focus?.counts).toMatchObject({ 'on-track': 1, improving: 1, 'insufficient-data': 1, 'no-data': 4 });
    expect(focus?.counts.deteriorating).toBe(0); // the female series is shown on its page, not counted here
    expect(focus?.members.slice(0, 3)).toEqual([
      { measurementId: '1.1.1a', bucket: 'on-track' },
      { measurementId: '1.1.2a', bucket: 'insufficient-data' },
      { measurementId: '1.1.2b', bucket: 'no-data' },
    ]);
  });

  it('puts a measurement with values but no total series under breakdowns-only, and still counts its coverage', () => {
    const progress = city({
      '2.4.1a': {
        'setting:schools': assess('2.4.1a', { 2020: 40, 2023: 55 }),
        'setting:community-learning-spaces': assess('2.4.1a', { 2023: 20 }),
      },
    });
    const feature = rollUp(progress, 'feature').find((r) => r.id === '2.4.1');
    expect(feature?.counts['breakdowns-only']).toBe(1);
    expect(feature?.coverage).toMatchObject({ withValue: 1, withTwoValues: 1 });
  });

  it('leaves local measurements out: they belong to no part of the framework', () => {
    const progress = city({ 'local:bike-lanes': { total: literacy } });
    const all = rollUp(progress, 'area');
    expect(all.reduce((n, r) => n + r.coverage.withValue, 0)).toBe(0);
  });

  it('adds up to the measurements in every bucket and gives no single score', () => {
    const progress = city({ '1.1.1a': { total: literacy } });
    for (const r of rollUp(progress, 'feature')) {
      expect(ROLL_UP_BUCKETS.reduce((n, b) => n + r.counts[b], 0)).toBe(r.measurements);
      expect(Object.keys(r).sort()).toEqual(['counts', 'coverage', 'id', 'level', 'measurements', 'members']);
    }
  });
});
