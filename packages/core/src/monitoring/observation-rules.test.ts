import { describe, expect, it } from 'vitest';
import { findMeasurement } from '../catalogue/index.ts';
import type { Measurement } from '../catalogue/types.ts';
import { breakdownKeys, checkObservation } from './observation-rules.ts';

const m = (id: string): Measurement => {
  const found = findMeasurement(id);
  if (!found) throw new Error(`no measurement ${id}`);
  return found;
};
const none = { year: 2024, sameYear: new Map<string, number>() };

describe('breakdownKeys', () => {
  it('offers the total and each non-total category', () => {
    expect(breakdownKeys(m('1.1.1a'))).toEqual(['total', 'sex:male', 'sex:female']);
    expect(breakdownKeys(m('1.2.3b'))).toEqual(['total']);
  });
  it('has no total where the catalogue gives none (schools and community learning spaces)', () => {
    expect(breakdownKeys(m('2.4.1a'))).toEqual(['setting:schools', 'setting:community-learning-spaces']);
  });
});

describe('checkObservation', () => {
  it('refuses a percentage outside 0–100 and a rating outside 1–5', () => {
    expect(checkObservation(m('1.1.1a'), { breakdown: 'total', value: 101 }, none).errors.map((e) => e.code)).toEqual([
      'out-of-range',
    ]);
    expect(checkObservation(m('3.1.1a'), { breakdown: 'total', value: 0 }, none).errors.map((e) => e.code)).toEqual([
      'out-of-range',
    ]);
    expect(checkObservation(m('3.1.1a'), { breakdown: 'total', value: 4.5 }, none).errors).toEqual([]);
  });

  it('refuses a value in another unit instead of converting it', () => {
    const check = checkObservation(m('1.1.4a'), { breakdown: 'total', value: 1200, unit: 'count' }, none);
    expect(check.errors[0]).toMatchObject({ code: 'wrong-unit', field: 'unit' });
  });

  it('refuses a breakdown the measurement does not have, and values that are not numbers', () => {
    expect(checkObservation(m('1.2.3b'), { breakdown: 'sex:female', value: 3 }, none).errors[0]?.code).toBe(
      'unknown-breakdown',
    );
    expect(checkObservation(m('1.2.3b'), { breakdown: 'total', value: Number.NaN }, none).errors[0]?.code).toBe(
      'not-a-number',
    );
  });

  it('needs the election year for turnout, within ten years before the reference year', () => {
    expect(checkObservation(m('1.1.2a'), { breakdown: 'total', value: 61 }, none).errors[0]?.code).toBe(
      'election-year-missing',
    );
    expect(
      checkObservation(m('1.1.2a'), { breakdown: 'total', value: 61, electionYear: 2025 }, none).errors[0]?.code,
    ).toBe('election-year-invalid');
    expect(checkObservation(m('1.1.2a'), { breakdown: 'total', value: 61, electionYear: 2021 }, none).errors).toEqual(
      [],
    );
  });

  it('warns when a total lies outside its male and female values', () => {
    const sameYear = new Map([
      ['sex:male', 90],
      ['sex:female', 94],
    ]);
    const outside = checkObservation(m('1.1.1a'), { breakdown: 'total', value: 97 }, { year: 2024, sameYear });
    expect(outside.errors).toEqual([]);
    expect(outside.warnings.map((w) => w.code)).toEqual(['total-outside-parts']);
    expect(checkObservation(m('1.1.1a'), { breakdown: 'total', value: 92 }, { year: 2024, sameYear }).warnings).toEqual(
      [],
    );
    // Entering a part that puts an existing total outside also warns.
    const part = checkObservation(
      m('1.1.1a'),
      { breakdown: 'sex:female', value: 99 },
      {
        year: 2024,
        sameYear: new Map([
          ['sex:male', 95],
          ['total', 94],
        ]),
      },
    );
    expect(part.warnings.map((w) => w.code)).toEqual(['total-outside-parts']);
  });

  it("reads the draft's value in place of the year's value under its own breakdown", () => {
    const year = new Map([
      ['total', 50],
      ['sex:male', 90],
      ['sex:female', 94],
    ]);
    const total = (value: number) =>
      checkObservation(m('1.1.1a'), { breakdown: 'total', value }, { year: 2024, sameYear: year }).warnings;
    expect(total(92)).toEqual([]);
    expect(total(97).map((w) => w.code)).toEqual(['total-outside-parts']);
    const female = (value: number) =>
      checkObservation(
        m('1.1.1a'),
        { breakdown: 'sex:female', value },
        { year: 2024, sameYear: new Map([...year, ['total', 92]]) },
      ).warnings;
    expect(female(94)).toEqual([]);
    expect(female(91).map((w) => w.code)).toEqual(['total-outside-parts']);
  });

  it('warns on an implausible change from last year: points for percentages, relative otherwise', () => {
    expect(
      checkObservation(m('1.1.1a'), { breakdown: 'total', value: 80 }, { ...none, previousYear: 96 }).warnings[0]?.code,
    ).toBe('implausible-change');
    expect(
      checkObservation(m('1.1.1a'), { breakdown: 'total', value: 90 }, { ...none, previousYear: 96 }).warnings,
    ).toEqual([]);
    expect(
      checkObservation(m('1.1.4a'), { breakdown: 'total', value: 1600 }, { ...none, previousYear: 1000 }).warnings[0]
        ?.code,
    ).toBe('implausible-change');
    expect(
      checkObservation(m('1.1.4a'), { breakdown: 'total', value: 1400 }, { ...none, previousYear: 1000 }).warnings,
    ).toEqual([]);
  });
});
