import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consolidate,
  needsReconciliation,
  RATING_CONSOLIDATION_RULES,
  type RatingConsolidationRule,
} from './consolidation.ts';

describe('needsReconciliation', () => {
  it('asks reviewers to reconcile when their ratings are two points apart or more', () => {
    expect(needsReconciliation([2, 4])).toBe(true);
    expect(needsReconciliation([5, 1])).toBe(true);
    expect(needsReconciliation([3, 4, 5])).toBe(true);
  });

  it('lets ratings one point apart, equal ratings and a single rating through', () => {
    expect(needsReconciliation([3, 4])).toBe(false);
    expect(needsReconciliation([4, 4, 4])).toBe(false);
    expect(needsReconciliation([5])).toBe(false);
    expect(needsReconciliation([])).toBe(false);
  });

  it('refuses ratings that are not whole numbers from 1 to 5', () => {
    expect(() => needsReconciliation([3, 6])).toThrow('rating 2 is 6; ratings are whole numbers from 1 to 5');
    expect(() => needsReconciliation([2.5, 3])).toThrow(/rating 1 is 2.5/);
    expect(() => needsReconciliation([0])).toThrow(/rating 1 is 0/);
    expect(() => needsReconciliation([Number.NaN])).toThrow(/rating 1 is NaN/);
  });
});

describe('consolidate', () => {
  it('takes the median by default, the lower of the two middle ratings for an even count', () => {
    expect(consolidate([4])).toBe(4);
    expect(consolidate([2, 4, 5])).toBe(4);
    expect(consolidate([3, 4])).toBe(3);
    expect(consolidate([5, 1, 4, 2])).toBe(2);
    expect(consolidate([4, 4, 5, 5])).toBe(4);
  });

  it('rounds the mean to the nearest rating, half-way down', () => {
    expect(consolidate([2, 4, 5], 'mean')).toBe(4); // 3.67
    expect(consolidate([3, 4], 'mean')).toBe(3); // 3.5
    expect(consolidate([1, 2, 2], 'mean')).toBe(2); // 1.67
    expect(consolidate([4, 5, 5, 5], 'mean')).toBe(5); // 4.75
    expect(consolidate([1, 1, 1, 2], 'mean')).toBe(1); // 1.25
  });

  it('takes the most frequent rating, the lowest of equally frequent ones', () => {
    expect(consolidate([4, 2, 4], 'mode')).toBe(4);
    expect(consolidate([2, 2, 5, 5], 'mode')).toBe(2);
    expect(consolidate([5, 3, 1], 'mode')).toBe(1);
  });

  it('refuses no ratings, bad ratings and unknown rules', () => {
    expect(() => consolidate([])).toThrow('there are no ratings to consolidate');
    expect(() => consolidate([3, 7])).toThrow(/rating 2 is 7/);
    expect(() => consolidate([3], 'max' as RatingConsolidationRule)).toThrow(/unknown consolidation rule 'max'/);
  });

  it('always gives a rating from 1 to 5 within the range of the ratings, whatever their order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 9 }),
        fc.constantFrom(...RATING_CONSOLIDATION_RULES),
        (ratings, rule) => {
          const result = consolidate(ratings, rule);
          expect(Number.isInteger(result)).toBe(true);
          expect(result).toBeGreaterThanOrEqual(Math.min(...ratings));
          expect(result).toBeLessThanOrEqual(Math.max(...ratings));
          expect(consolidate([...ratings].reverse(), rule)).toBe(result);
        },
      ),
    );
  });
});
