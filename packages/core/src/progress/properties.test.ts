// Invariants of progress assessment on random series (fast-check): the order of the points, the scale of the
// unit and the as-of cut change nothing they should not; polarity and mirrored values swap improving and
// deteriorating; a target is achieved exactly when the latest value meets it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Polarity, Unit } from '../catalogue/types.ts';
import { assessSeries } from './assess.ts';
import { PROGRESS_THRESHOLDS, type ProgressInput, type ProgressStatus, type SeriesPoint } from './types.ts';

/** Distinct years in 2000–2030 with values from `value`, in random order. */
const points = (value: fc.Arbitrary<number>, minLength = 2) =>
  fc
    .uniqueArray(fc.record({ year: fc.integer({ min: 2000, max: 2030 }), value }), {
      minLength,
      maxLength: 8,
      selector: (p) => p.year,
    })
    .map((ps): SeriesPoint[] => ps);

/** Values in tenths, as cities report them. */
const tenths = (min: number, max: number) => fc.integer({ min: min * 10, max: max * 10 }).map((v) => v / 10);

const unbounded = { unit: 'count' as Unit, range: { min: 0, max: null } };
const percent = { unit: 'percent' as Unit, range: { min: 0, max: 100 } };

/** True when a figure sits so close to a threshold that rounding in the last digit could move it across. */
function nearEdge(x: number | undefined, edges: readonly number[]): boolean {
  return x !== undefined && edges.some((e) => Math.abs(x - e) < 1e-9 * Math.max(1, Math.abs(e)));
}
const { onTrack, moderate, limited, relativeTolerance, percentPointTolerance } = PROGRESS_THRESHOLDS;
const ratioEdges = [onTrack, moderate, limited];
const directionEdges = [relativeTolerance, -relativeTolerance, percentPointTolerance, -percentPointTolerance];

const swapped: Partial<Record<ProgressStatus, ProgressStatus>> = {
  improving: 'deteriorating',
  deteriorating: 'improving',
};
const swap = (s: ProgressStatus) => swapped[s] ?? s;
const flip = (p: Polarity): Polarity =>
  p === 'higher-better' ? 'lower-better' : p === 'lower-better' ? 'higher-better' : 'none';

describe('progress properties', () => {
  it('does not depend on the order of the points', () => {
    fc.assert(
      fc.property(
        points(tenths(0, 1000)),
        fc.constantFrom<Polarity>('higher-better', 'lower-better', 'none'),
        (ps, polarity) => {
          const input: ProgressInput = { ...unbounded, points: ps, polarity };
          const sorted = { ...input, points: [...ps].sort((a, b) => a.year - b.year) };
          expect(assessSeries(input)).toEqual(assessSeries(sorted));
        },
      ),
    );
  });

  it('without a target, flipping the polarity swaps improving and deteriorating', () => {
    fc.assert(
      fc.property(
        points(tenths(0, 100)),
        fc.constantFrom<Unit>('percent', 'count', 'usd-ppp'),
        fc.constantFrom<Polarity>('higher-better', 'lower-better'),
        (ps, unit, polarity) => {
          const input: ProgressInput = { points: ps, unit, range: { min: 0, max: 100 }, polarity };
          const flipped = assessSeries({ ...input, polarity: flip(polarity) });
          expect(flipped.status).toBe(swap(assessSeries(input).status));
        },
      ),
    );
  });

  it('without a target, mirroring a percentage (v → 100 − v) swaps improving and deteriorating, and with the polarity flipped too changes nothing', () => {
    fc.assert(
      fc.property(
        points(tenths(0, 100)),
        fc.constantFrom<Polarity>('higher-better', 'lower-better'),
        (ps, polarity) => {
          const input: ProgressInput = { ...percent, points: ps, polarity };
          const original = assessSeries(input);
          fc.pre(!nearEdge(original.actualRate, directionEdges));
          const mirrored = { ...input, points: ps.map((p) => ({ year: p.year, value: 100 - p.value })) };
          expect(assessSeries(mirrored).status).toBe(swap(original.status));
          expect(assessSeries({ ...mirrored, polarity: flip(polarity) }).status).toBe(original.status);
        },
      ),
    );
  });

  it('with a target, scaling every value and the target by a positive constant changes no status', () => {
    fc.assert(
      fc.property(
        points(tenths(0, 1000)),
        fc.record({ year: fc.integer({ min: 2001, max: 2040 }), value: tenths(0, 1000) }),
        fc.constantFrom<Polarity>('higher-better', 'lower-better'),
        fc.double({ min: 0.001, max: 1000, noNaN: true }),
        (ps, target, polarity, k) => {
          // Targets may fall before the latest value (a passed deadline), never on or before the baseline.
          fc.pre(target.year > Math.min(...ps.map((p) => p.year)));
          const input: ProgressInput = { ...unbounded, points: ps, polarity, target };
          const original = assessSeries(input);
          fc.pre(!nearEdge(original.ratio, ratioEdges));
          const scaled = assessSeries({
            ...input,
            points: ps.map((p) => ({ year: p.year, value: p.value * k })),
            target: { year: target.year, value: target.value * k },
          });
          expect(scaled.status).toBe(original.status);
          expect(scaled.method).toBe(original.method);
        },
      ),
    );
  });

  it('with a target, the status is achieved exactly when the latest value meets it', () => {
    fc.assert(
      fc.property(
        points(tenths(0, 100)),
        fc.record({ year: fc.integer({ min: 2031, max: 2040 }), value: tenths(0, 100) }),
        fc.constantFrom<Polarity>('higher-better', 'lower-better'),
        (ps, target, polarity) => {
          const r = assessSeries({ ...percent, points: ps, polarity, target });
          const latest = [...ps].sort((a, b) => a.year - b.year).at(-1)?.value ?? Number.NaN;
          const meets = polarity === 'higher-better' ? latest >= target.value : latest <= target.value;
          expect(r.status === 'achieved').toBe(meets);
          expect(r.targetMet).toBe(meets);
        },
      ),
    );
  });

  it('assessing as of a year is assessing the values up to that year', () => {
    fc.assert(
      fc.property(points(tenths(1, 5), 1), fc.integer({ min: 2000, max: 2030 }), (ps, asOfYear) => {
        const input: ProgressInput = {
          unit: 'rating-1-5',
          range: { min: 1, max: 5 },
          polarity: 'higher-better',
          points: ps,
        };
        expect(assessSeries({ ...input, asOfYear })).toEqual(
          assessSeries({ ...input, points: ps.filter((p) => p.year <= asOfYear) }),
        );
      }),
    );
  });

  it('one value is never enough', () => {
    fc.assert(
      fc.property(
        points(tenths(0, 100), 1).map((ps) => ps.slice(0, 1)),
        (ps) => {
          const r = assessSeries({
            ...percent,
            points: ps,
            polarity: 'higher-better',
            target: { year: 2040, value: 50 },
          });
          expect(r.status).toBe('insufficient-data');
        },
      ),
    );
  });
});
