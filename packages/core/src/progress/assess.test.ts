import { describe, expect, it } from 'vitest';
import { findMeasurement } from '../catalogue/index.ts';
import type { Measurement } from '../catalogue/types.ts';
import { assessSeries } from './assess.ts';
import { type ProgressInput, ProgressInputError, type SeriesPoint, type Target } from './types.ts';

/** A series of a catalogue measurement: polarity, unit and range come from the catalogue itself. */
function series(
  id: string,
  values: Record<number, number>,
  extra: Partial<Omit<ProgressInput, 'points'>> = {},
): ProgressInput {
  const m: Measurement | undefined = findMeasurement(id);
  if (!m) throw new Error(`no measurement ${id}`);
  const points: SeriesPoint[] = Object.entries(values).map(([year, value]) => ({ year: Number(year), value }));
  return { points, polarity: m.polarity, unit: m.unit, range: m.range, ...extra };
}

const target = (year: number, value: number): { target: Target } => ({ target: { year, value } });

// Every example of docs/methodology.md, "Progress towards targets", with the numbers printed there.
describe('worked examples of docs/methodology.md', () => {
  it('1. adult literacy 88.0 → 91.0 (2019–2023), target 95 by 2030: on track', () => {
    const r = assessSeries(series('1.1.1a', { 2019: 88.0, 2021: 89.5, 2023: 91.0 }, target(2030, 95)));
    expect(r).toMatchObject({
      status: 'on-track',
      method: 'target-cagr',
      rateBasis: 'compound',
      baseline: { year: 2019, value: 88 },
      latest: { year: 2023, value: 91 },
      targetMet: false,
      notes: [],
    });
    expect(r.actualRate).toBeCloseTo(0.008416, 6);
    expect(r.requiredRate).toBeCloseTo(0.006982, 6);
    expect(r.ratio).toBeCloseTo(1.2053, 4);
    expect(r.explanation).toBe(
      'from 88 (2019) to 91 (2023): +0.84 % a year against +0.7 % a year needed to reach 95 by 2030, ratio 1.21: on track',
    );
  });

  it('2. NEET rate (lower is better) 18.0 → 16.5 (2018–2022), target 12 by 2030: moderate', () => {
    const r = assessSeries(series('2.3.4a', { 2018: 18.0, 2020: 17.2, 2022: 16.5 }, target(2030, 12)));
    expect(r).toMatchObject({ status: 'moderate', method: 'target-cagr', targetMet: false });
    expect(r.actualRate).toBeCloseTo(-0.021518, 6);
    expect(r.requiredRate).toBeCloseTo(-0.033224, 6);
    expect(r.ratio).toBeCloseTo(0.6477, 4);
  });

  it('3. leadership rating 3, 3, 4 (2019–2023): improving without a target, on track for 5 by 2027', () => {
    const values = { 2019: 3, 2021: 3, 2023: 4 };
    expect(assessSeries(series('3.1.1a', values))).toMatchObject({
      status: 'improving',
      method: 'rating',
      actualRate: 0.25,
      tolerance: 0.5,
    });
    expect(assessSeries(series('3.1.1a', values, target(2027, 5)))).toMatchObject({
      status: 'on-track',
      method: 'rating',
      actualRate: 0.25,
      requiredRate: 0.25,
      ratio: 1,
    });
  });

  it('3. a rating held at 4 counts as improving, held at 3 as stable, a fall of one point as deteriorating', () => {
    const held = assessSeries(series('3.1.1a', { 2021: 4, 2023: 4 }));
    expect(held.status).toBe('improving');
    expect(held.notes.map((n) => n.code)).toEqual(['high-rating-held']);
    expect(assessSeries(series('3.1.1a', { 2021: 3, 2023: 3 })).status).toBe('stable');
    expect(assessSeries(series('3.1.1a', { 2021: 4, 2023: 3 })).status).toBe('deteriorating');
  });

  it('4. crime (lower is better) 420 → 395 (2019–2023), no target: improving at −1.52 % a year', () => {
    const r = assessSeries(series('1.1.4a', { 2019: 420, 2023: 395 }));
    expect(r).toMatchObject({ status: 'improving', method: 'direction', rateBasis: 'compound', tolerance: 0.01 });
    expect(r.actualRate).toBeCloseTo(-0.015225, 6);
  });

  it('4. internet usage 71.0 → 72.2 (2020–2023), no target: stable at +0.4 points a year', () => {
    const r = assessSeries(series('2.4.2b', { 2020: 71.0, 2023: 72.2 }));
    expect(r).toMatchObject({ status: 'stable', method: 'direction', rateBasis: 'absolute', tolerance: 0.5 });
    expect(r.actualRate).toBeCloseTo(0.4, 10);
  });

  it('5. learning resources from indigenous knowledge 0 → 6 (2020–2023), target 20 by 2030: linear, on track', () => {
    const r = assessSeries(series('2.2.3a', { 2020: 0, 2023: 6 }, target(2030, 20)));
    expect(r).toMatchObject({
      status: 'on-track',
      method: 'target-linear',
      rateBasis: 'absolute',
      actualRate: 2,
      requiredRate: 2,
      ratio: 1,
    });
    expect(r.notes.map((n) => n.code)).toEqual(['cagr-undefined']);
  });

  it('6. waste per person (no better direction) 410 → 380 (2019–2023): falling, target not assessed', () => {
    const r = assessSeries(series('1.3.1b', { 2019: 410, 2023: 380 }, target(2030, 300)));
    expect(r).toMatchObject({ status: 'falling', method: 'direction' });
    expect(r.actualRate).toBeCloseTo(-0.018817, 6);
    expect(r.notes.map((n) => n.code)).toEqual(['target-not-assessed']);
  });

  it('7. mobile penetration 92 → 89 (2019–2023), target 90 by 2025 met at the baseline: deteriorating', () => {
    const r = assessSeries(series('2.4.2a', { 2019: 92, 2023: 89 }, target(2025, 90)));
    expect(r).toMatchObject({ status: 'deteriorating', targetMet: false });
    expect(r.ratio).toBeCloseTo(-2.2573, 4);
    expect(r.notes.map((n) => n.code)).toEqual(['target-met-at-baseline']);
  });

  it('8. adult learning 20 → 24.8 (2016–2022), target 25 by 2022: ratio 0.96 but the year has passed: moderate', () => {
    const r = assessSeries(series('2.1.3a', { 2016: 20, 2022: 24.8 }, target(2022, 25)));
    expect(r.ratio).toBeCloseTo(0.9634, 4);
    expect(r.status).toBe('moderate');
    expect(r.notes.map((n) => n.code)).toEqual(['target-year-passed']);
  });
});

describe('assessSeries: targets', () => {
  it('reports achieved as soon as the latest value meets the target, whatever the trend', () => {
    expect(assessSeries(series('1.1.1a', { 2019: 97, 2023: 96 }, target(2030, 95))).status).toBe('achieved');
    expect(assessSeries(series('2.3.4a', { 2019: 14, 2023: 12 }, target(2030, 12))).status).toBe('achieved');
  });

  it('inverts lower-better series: a fall is progress, a rise is deterioration', () => {
    expect(assessSeries(series('2.3.4a', { 2018: 18, 2022: 14 }, target(2030, 10))).status).toBe('on-track');
    const up = assessSeries(series('2.3.4a', { 2018: 18, 2022: 19 }, target(2030, 10)));
    expect(up.status).toBe('deteriorating');
    expect(up.ratio).toBeLessThan(0);
  });

  it('grades the ratio at 0.95, 0.6 and 0', () => {
    // A zero target makes the rates linear: 100 to 0 over 2020–2036 needs −6.25 a year. Every figure here is
    // exact in binary, so the ratios are exactly 0.95, 0.6 and 0 at the edges.
    const at = (latest: number) => assessSeries(series('1.1.4a', { 2020: 100, 2024: latest }, target(2036, 0))).status;
    expect(at(76.25)).toBe('on-track'); // ratio 0.95
    expect(at(77.5)).toBe('moderate'); // 0.9
    expect(at(85)).toBe('moderate'); // 0.6
    expect(at(86.25)).toBe('limited'); // 0.55
    expect(at(100)).toBe('limited'); // 0: no change
    expect(at(102.5)).toBe('deteriorating'); // −0.1
  });

  it('falls back to linear change for a zero target and for a value that reaches zero', () => {
    const zeroTarget = assessSeries(series('1.2.1b', { 2018: 12, 2022: 8 }, target(2030, 0)));
    expect(zeroTarget).toMatchObject({ method: 'target-linear', actualRate: -1, requiredRate: -1, ratio: 1 });
    const zeroLatest = assessSeries(series('2.2.3a', { 2018: 5, 2022: 0 }, target(2030, 10)));
    expect(zeroLatest).toMatchObject({ method: 'target-linear', status: 'deteriorating' });
  });

  it('handles negative values (local measurements) by linear change', () => {
    const input: ProgressInput = {
      points: [
        { year: 2020, value: -4 },
        { year: 2024, value: -2 },
      ],
      polarity: 'higher-better',
      unit: 'count',
      range: { min: -100, max: 100 },
      target: { year: 2028, value: 0 },
    };
    expect(assessSeries(input)).toMatchObject({ method: 'target-linear', ratio: 1, status: 'on-track' });
  });

  it('uses the baseline the city set, ignoring earlier values', () => {
    const r = assessSeries(
      series('1.1.1a', { 2015: 80, 2019: 88, 2023: 91 }, { ...target(2030, 95), baseline: { year: 2019, value: 88 } }),
    );
    expect(r.baseline).toEqual({ year: 2019, value: 88 });
    expect(r.ratio).toBeCloseTo(1.2053, 4);
    expect(r.notes.map((n) => n.code)).toEqual(['baseline-set']);
  });

  it('accepts a set baseline from outside the series as one of the two values', () => {
    const r = assessSeries(
      series('1.1.1a', { 2023: 91 }, { ...target(2030, 95), baseline: { year: 2019, value: 88 } }),
    );
    expect(r.status).toBe('on-track');
    expect(r.valueCount).toBe(1);
  });

  it('refuses a target year that is not after the baseline year, and a target outside the range', () => {
    expect(() => assessSeries(series('1.1.1a', { 2019: 88, 2023: 91 }, target(2019, 95)))).toThrow(ProgressInputError);
    expect(() => assessSeries(series('1.1.1a', { 2019: 88, 2023: 91 }, target(2030, 101)))).toThrow(
      /outside the valid range 0–100/,
    );
  });

  it('reports the target year passing without the target, at best as moderate', () => {
    const r = assessSeries(series('1.1.1a', { 2015: 80, 2024: 84 }, target(2020, 90)));
    expect(r.status).toBe('limited');
    expect(r.notes.map((n) => n.code)).toEqual(['target-year-passed']);
  });
});

describe('assessSeries: direction without a target', () => {
  it('reads a percentage in points a year against ±0.5', () => {
    expect(assessSeries(series('2.4.2b', { 2020: 70, 2024: 72 })).status).toBe('stable'); // +0.5 exactly
    expect(assessSeries(series('2.4.2b', { 2020: 70, 2024: 72.4 })).status).toBe('improving');
    expect(assessSeries(series('1.2.2a', { 2020: 8, 2024: 10.4 })).status).toBe('deteriorating'); // unemployment up
    // Near 0 %, a relative reading would call 2 → 2.6 a 6.8 % yearly rise; in points it is within the tolerance.
    expect(assessSeries(series('2.3.4a', { 2020: 2, 2024: 2.6 })).status).toBe('stable');
  });

  it('reads other units by compound growth against ±1 % a year', () => {
    expect(assessSeries(series('1.2.1a', { 2019: 40_000, 2023: 41_000 })).status).toBe('stable'); // +0.62 %
    expect(assessSeries(series('1.2.1a', { 2019: 40_000, 2023: 42_000 })).status).toBe('improving'); // +1.23 %
    expect(assessSeries(series('1.3.1a', { 2019: 6, 2023: 6.5 })).status).toBe('deteriorating'); // CO2 up 2 %
  });

  it('reads change from or to zero relative to the mean level', () => {
    const r = assessSeries(series('2.2.3a', { 2020: 0, 2022: 3 }));
    expect(r).toMatchObject({ status: 'improving', rateBasis: 'relative-to-mean', actualRate: 1 });
    expect(assessSeries(series('2.2.3a', { 2020: 0, 2022: 0 })).status).toBe('stable');
  });

  it('judges nothing when the measurement has no better direction', () => {
    expect(assessSeries(series('3.3.1b', { 2020: 30, 2023: 28 })).status).toBe('falling');
    expect(assessSeries(series('3.3.1b', { 2020: 30, 2023: 33 })).status).toBe('rising');
    expect(assessSeries(series('3.3.1b', { 2020: 30, 2023: 30.9 })).status).toBe('stable');
  });
});

describe('assessSeries: what it cannot assess', () => {
  it('needs two values: one value, none, or nothing after the baseline is insufficient data', () => {
    const one = assessSeries(series('1.1.1a', { 2023: 91 }, target(2030, 95)));
    expect(one).toMatchObject({ status: 'insufficient-data', method: 'insufficient-data', valueCount: 1 });
    expect(one.baseline).toEqual({ year: 2023, value: 91 });
    expect(one.latest).toBeUndefined();
    expect(assessSeries(series('1.1.1a', {})).status).toBe('insufficient-data');
    const afterBaseline = assessSeries(
      series('1.1.1a', { 2019: 88, 2021: 89 }, { baseline: { year: 2021, value: 89 } }),
    );
    expect(afterBaseline.status).toBe('insufficient-data');
  });

  it('refuses two values for one year', () => {
    const input = series('1.1.1a', { 2019: 88 });
    expect(() => assessSeries({ ...input, points: [...input.points, { year: 2019, value: 89 }] })).toThrow(
      /two values for 2019/,
    );
  });

  it('refuses values outside the range and years that are not whole', () => {
    expect(() => assessSeries(series('3.1.1a', { 2019: 0, 2021: 3 }))).toThrow(ProgressInputError);
    expect(() => assessSeries({ ...series('1.1.1a', {}), points: [{ year: 2019.5, value: 80 }] })).toThrow(
      /not a whole year/,
    );
    expect(() => assessSeries(series('1.1.1a', { 2019: Number.NaN }))).toThrow(/not a number/);
  });

  it('leaves out values after asOfYear, as progress stood then', () => {
    const values = { 2019: 88, 2021: 89.5, 2023: 91 };
    const then = assessSeries(series('1.1.1a', values, { ...target(2030, 95), asOfYear: 2021 }));
    expect(then.latest).toEqual({ year: 2021, value: 89.5 });
    expect(then.valueCount).toBe(2);
  });

  it('takes points in any order', () => {
    const input = series('1.1.1a', { 2019: 88, 2021: 89.5, 2023: 91 }, target(2030, 95));
    expect(assessSeries({ ...input, points: [...input.points].reverse() })).toEqual(assessSeries(input));
  });
});
