import type { Breakdown, Measurement } from '../types.ts';

/*
 * Building blocks repeated across the measurement tables. Frozen so that sharing one object between
 * measurements can never let a change to one leak into another.
 */

/** Male / Female / Total, or Boys / Girls / Total in the seed table. */
export const BY_SEX: Breakdown = Object.freeze({
  dimension: 'sex',
  categories: Object.freeze(['male', 'female', 'total']),
});

/** Schools / Community learning spaces. */
export const BY_SETTING: Breakdown = Object.freeze({
  dimension: 'setting',
  categories: Object.freeze(['schools', 'community-learning-spaces']),
});

/** Public sector / Private sector. */
export const BY_SECTOR: Breakdown = Object.freeze({
  dimension: 'sector',
  categories: Object.freeze(['public', 'private']),
});

/** A share of a whole. */
export const PERCENT_RANGE: Measurement['range'] = Object.freeze({ min: 0, max: 100 });

/** The 5 Excellent … 1 Poor scale of expert reviews and of the survey ratings. */
export const RATING_RANGE: Measurement['range'] = Object.freeze({ min: 1, max: 5 });

/** Counts, rates, amounts and ratios: never negative, no natural ceiling. */
export const NON_NEGATIVE: Measurement['range'] = Object.freeze({ min: 0, max: null });

/** Hours in a week: the real ceiling of a weekly time-use figure. */
export const HOURS_PER_WEEK_RANGE: Measurement['range'] = Object.freeze({ min: 0, max: 168 });

/**
 * An expert-review measurement: every one in the table is rated on the 5 Excellent … 1 Poor scale, where
 * higher is better, with no breakdown.
 * @example expertRating('3.1.1a', '3.1.1', 'Leadership', 'The strength …') // { source: 'expert', unit: 'rating-1-5', range: { min: 1, max: 5 }, … }
 */
export function expertRating(
  id: string,
  featureCode: string,
  name: string,
  definition: string,
  links: { sdgTargets?: readonly string[]; mexicoDirections?: readonly number[] } = {},
): Measurement {
  return {
    id,
    featureCode,
    name,
    definition,
    source: 'expert',
    unit: 'rating-1-5',
    breakdowns: [],
    polarity: 'higher-better',
    range: RATING_RANGE,
    sdgTargets: links.sdgTargets ?? [],
    mexicoDirections: links.mexicoDirections ?? [],
  };
}
