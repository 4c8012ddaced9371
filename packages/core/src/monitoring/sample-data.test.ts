import { describe, expect, it } from 'vitest';
import { findMeasurement } from '../catalogue/index.ts';
import { checkObservation } from './observation-rules.ts';
import { sampleData } from './sample-data.ts';

describe('sample data for Sample City', () => {
  const data = sampleData();

  it('covers ten years of every measurement and breakdown', () => {
    expect(data.years).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(new Set(data.observations.map((o) => o.measurementId)).size).toBe(60);
  });

  it('passes the same checks as real data (no errors; election year aside)', () => {
    for (const o of data.observations) {
      const m = findMeasurement(o.measurementId);
      if (!m) throw new Error(o.measurementId);
      const check = checkObservation(
        m,
        { breakdown: o.breakdown, value: Number(o.value), electionYear: o.year },
        { year: o.year, sameYear: new Map() },
      );
      expect(check.errors, `${o.measurementId} ${o.breakdown} ${o.year} = ${o.value}`).toEqual([]);
    }
  });

  it('splits the education budget (3.3.1b) into shares that add up to 100 % every year', () => {
    for (const year of data.years) {
      const shares = data.observations.filter((o) => o.measurementId === '3.3.1b' && o.year === year);
      expect(shares).toHaveLength(4);
      expect(shares.reduce((sum, o) => sum + Number(o.value) * 10, 0)).toBe(1000);
      expect(shares.every((o) => Number(o.value) > 0)).toBe(true);
    }
  });

  it('is the same every time (seeded), and different with another seed', () => {
    expect(sampleData()).toEqual(data);
    expect(sampleData(2015, 7).observations[0]?.value).not.toBe(data.observations[0]?.value);
  });

  it('sets targets for some series that have a direction', () => {
    expect(data.targets.length).toBeGreaterThan(10);
    for (const t of data.targets) expect(findMeasurement(t.measurementId)?.polarity).not.toBe('none');
  });
});
