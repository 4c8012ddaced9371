// Krippendorff's alpha against the published values of his reliability data "C", hand-computed small cases,
// every refusal, and invariants on random data (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AgreementError, type AlphaLevel, krippendorffAlpha } from './agreement.ts';

const LEVELS: readonly AlphaLevel[] = ['nominal', 'ordinal', 'interval', 'ratio'];
const _ = null;

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", data C: observers A–D (rows here) by units
 * 1–12, '.' as null. The same matrix is the example of R's irr::kripp.alpha.
 */
const OBSERVERS_BY_UNITS = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];
const transpose = (rows: (number | null)[][]) => (rows[0] ?? []).map((_value, j) => rows.map((row) => row[j] ?? null));
/** Units × raters, the shape `krippendorffAlpha` takes. */
const DATA_C = transpose(OBSERVERS_BY_UNITS);
const PUBLISHED_C: Record<AlphaLevel, number> = { nominal: 0.743, ordinal: 0.815, interval: 0.849, ratio: 0.797 };

function refusal(run: () => unknown): AgreementError {
  try {
    run();
  } catch (error) {
    if (error instanceof AgreementError) return error;
    throw error;
  }
  throw new Error('expected an AgreementError');
}

describe('krippendorffAlpha on Krippendorff’s data C', () => {
  it.each(LEVELS)('reproduces the published %s alpha to three decimals', (level) => {
    const result = krippendorffAlpha(DATA_C, level);
    expect(Math.abs(result.alpha - PUBLISHED_C[level])).toBeLessThan(0.0005);
  });

  it('counts 11 pairable units, 4 raters and 40 pairable values (unit 12 has a single value)', () => {
    expect(krippendorffAlpha(DATA_C, 'nominal')).toMatchObject({ units: 11, raters: 4, pairable: 40 });
  });
});

describe('krippendorffAlpha on small cases worked by hand', () => {
  it('gives 4/9 for two raters who agree on two of three units (1–1, 1–2, 2–2)', () => {
    // o11 = 2, o12 = o21 = 1, o22 = 2; n = 6, n1 = n2 = 3: α = 1 − 5·2 / (3·3·2).
    const data = [
      [1, 1],
      [1, 2],
      [2, 2],
    ];
    for (const level of LEVELS) expect(krippendorffAlpha(data, level).alpha).toBeCloseTo(4 / 9, 12);
  });

  it('goes below zero for systematic disagreement (1–2, 2–1 gives −0.5)', () => {
    expect(
      krippendorffAlpha(
        [
          [1, 2],
          [2, 1],
        ],
        'nominal',
      ).alpha,
    ).toBeCloseTo(-0.5, 12);
  });

  it('weighs a distant disagreement more at the interval level than at the nominal level', () => {
    const near = [
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
      [5, 5],
      [3, 4],
    ] as number[][];
    const far = [
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
      [5, 5],
      [1, 5],
    ] as number[][];
    expect(krippendorffAlpha(near, 'nominal').alpha).toBeCloseTo(krippendorffAlpha(far, 'nominal').alpha, 12);
    expect(krippendorffAlpha(far, 'interval').alpha).toBeLessThan(krippendorffAlpha(near, 'interval').alpha);
  });

  it('ignores units with one value, and accepts rows of different lengths as missing values', () => {
    const base = krippendorffAlpha(DATA_C, 'interval');
    const padded = krippendorffAlpha([...DATA_C, [_, _, 4], [2]], 'interval');
    expect(padded).toEqual(base);
    expect(krippendorffAlpha([[1, 1, 2], [2, 2], [3]], 'interval')).toMatchObject({ units: 2, pairable: 5 });
  });

  it('counts a rater whose only value is in an unpairable unit', () => {
    expect(
      krippendorffAlpha(
        [
          [1, 1, _],
          [2, 2, _],
          [_, _, 3],
        ],
        'nominal',
      ),
    ).toMatchObject({ raters: 3, units: 2 });
  });

  it('treats zeros as equal at the ratio level', () => {
    expect(
      krippendorffAlpha(
        [
          [0, 0],
          [2, 2],
          [0, 2],
        ],
        'ratio',
      ).alpha,
    ).toBeLessThan(1);
    expect(
      krippendorffAlpha(
        [
          [0, 0],
          [2, 2],
        ],
        'ratio',
      ).alpha,
    ).toBe(1);
  });
});

describe('krippendorffAlpha refuses data it cannot judge', () => {
  it('refuses fewer than two raters with a value', () => {
    expect(refusal(() => krippendorffAlpha([[1], [2]], 'nominal')).code).toBe('too-few-raters');
    expect(
      refusal(() =>
        krippendorffAlpha(
          [
            [1, _],
            [2, _],
          ],
          'nominal',
        ),
      ).message,
    ).toBe('agreement needs at least two raters with a value; the data have 1');
    expect(refusal(() => krippendorffAlpha([], 'nominal')).code).toBe('too-few-raters');
  });

  it('refuses data where no unit has two values', () => {
    const error = refusal(() =>
      krippendorffAlpha(
        [
          [1, _],
          [_, 2],
        ],
        'ordinal',
      ),
    );
    expect(error.code).toBe('no-pairable-values');
    expect(error.message).toBe('no unit has values from two raters, so there is nothing to compare');
  });

  it('refuses NaN and infinities, naming unit and rater', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const error = refusal(() =>
        krippendorffAlpha(
          [
            [1, 2],
            [3, bad],
          ],
          'interval',
        ),
      );
      expect(error).toMatchObject({ code: 'non-finite-value', unit: 1, rater: 1 });
      expect(error.message).toMatch(/^unit 2, rater 2: .* is not a finite number$/);
    }
  });

  it('refuses negative values at the ratio level only', () => {
    const data = [
      [-1, 1],
      [2, 2],
    ];
    expect(refusal(() => krippendorffAlpha(data, 'ratio'))).toMatchObject({ code: 'negative-ratio-value', unit: 0 });
    expect(() => krippendorffAlpha(data, 'interval')).not.toThrow();
  });

  it('refuses to invent a value when every pairable value is the same (alpha is undefined, not NaN)', () => {
    for (const level of LEVELS) {
      const error = refusal(() => krippendorffAlpha([[4, 4], [4, 4, 4], [2]], level));
      expect(error.code).toBe('no-variation');
      expect(error.message).toBe(
        'alpha is undefined: every pairable value is 4, so there is no variation to tell agreement from chance',
      );
    }
  });

  it('refuses an unknown level from untyped callers', () => {
    expect(() => krippendorffAlpha(DATA_C, 'circular' as AlphaLevel)).toThrow(/unknown level of measurement/);
  });
});

// ── properties ──────────────────────────────────────────────────────────────────────────────────────────

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9;

/** Ratings 1–5 by 2–5 raters on 2–12 units, with some missing, that alpha can be computed on. */
const ratings = fc
  .record({
    raters: fc.integer({ min: 2, max: 5 }),
    cells: fc.array(fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { freq: 4, nil: null }), { maxLength: 5 }), {
      minLength: 2,
      maxLength: 12,
    }),
  })
  .map(({ raters, cells }) => cells.map((row) => Array.from({ length: raters }, (_v, r) => row[r] ?? null)))
  .filter((data) => {
    const pairable = data.filter((row) => row.filter((v) => v !== null).length >= 2);
    return new Set(pairable.flat().filter((v) => v !== null)).size >= 2;
  });

function shuffle<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((item, i) => ({ item, key: keys[i % Math.max(1, keys.length)] ?? 0, i }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map(({ item }) => item);
}

describe('krippendorffAlpha properties', () => {
  it('gives 1 when every unit’s raters agree (and there is variation between units)', () => {
    const agreeing = fc
      .array(
        fc.record({
          value: fc.integer({ min: 0, max: 9 }),
          present: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        }),
        { minLength: 2, maxLength: 15 },
      )
      .map((units) => [
        [1, 1, _, _],
        [2, _, 2, 2],
        ...units.map(({ value, present }) => present.map((p) => (p ? value : null))),
      ]);
    fc.assert(
      fc.property(agreeing, fc.constantFrom(...LEVELS), (data, level) => {
        expect(krippendorffAlpha(data, level).alpha).toBe(1);
      }),
    );
  });

  it('does not change when raters or units are put in another order', () => {
    fc.assert(
      fc.property(
        ratings,
        fc.array(fc.nat(), { minLength: 1 }),
        fc.array(fc.nat(), { minLength: 1 }),
        (data, unitKeys, raterKeys) => {
          const raterOrder = shuffle(
            (data[0] ?? []).map((_v, r) => r),
            raterKeys,
          );
          const permuted = shuffle(data, unitKeys).map((row) => raterOrder.map((r) => row[r] ?? null));
          for (const level of LEVELS) {
            const a = krippendorffAlpha(data, level);
            const b = krippendorffAlpha(permuted, level);
            expect(close(a.alpha, b.alpha)).toBe(true);
            expect(b).toMatchObject({ units: a.units, raters: a.raters, pairable: a.pairable });
          }
        },
      ),
    );
  });

  it('does not change at the nominal level when the values are relabelled one-to-one', () => {
    fc.assert(
      fc.property(
        ratings,
        fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 5, maxLength: 5 }),
        (data, labels) => {
          const relabelled = data.map((row) => row.map((v) => (v === null ? null : (labels[v - 1] as number))));
          expect(close(krippendorffAlpha(data, 'nominal').alpha, krippendorffAlpha(relabelled, 'nominal').alpha)).toBe(
            true,
          );
        },
      ),
    );
  });

  it('does not change at the ordinal level under an increasing relabelling, nor at the interval level under a linear one', () => {
    fc.assert(
      fc.property(
        ratings,
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: -100, max: 100 }),
        (data, scale, shift) => {
          const cubed = data.map((row) => row.map((v) => (v === null ? null : v ** 3 + shift)));
          const linear = data.map((row) => row.map((v) => (v === null ? null : scale * v + shift)));
          expect(close(krippendorffAlpha(data, 'ordinal').alpha, krippendorffAlpha(cubed, 'ordinal').alpha)).toBe(true);
          expect(close(krippendorffAlpha(data, 'interval').alpha, krippendorffAlpha(linear, 'interval').alpha)).toBe(
            true,
          );
          const scaled = data.map((row) => row.map((v) => (v === null ? null : scale * v)));
          expect(close(krippendorffAlpha(data, 'ratio').alpha, krippendorffAlpha(scaled, 'ratio').alpha)).toBe(true);
        },
      ),
    );
  });

  it('never exceeds 1', () => {
    fc.assert(
      fc.property(ratings, fc.constantFrom(...LEVELS), (data, level) => {
        expect(krippendorffAlpha(data, level).alpha).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });
});
