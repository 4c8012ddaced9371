/*
 * The two rules that turn blind expert ratings into one rating (docs/methodology.md, "Agreement between expert
 * reviewers"): a gap of two points or more sends the reviewers to reconcile; the final ratings are then
 * consolidated, by default into their median. Every rule resolves a tie downwards, so that a consolidated
 * rating is never higher than the ratings the evidence convinced reviewers of.
 */

/** Reviewers whose ratings are this many points apart or more must reconcile before consolidation. */
export const RECONCILIATION_GAP = 2;

/**
 * How final ratings become one; `median` is the default. A superset of the rules a review round can be set to
 * (`ConsolidationRule` of the review schemas), so any round setting can be passed on as it is.
 */
export type RatingConsolidationRule = 'median' | 'mean' | 'mode';
export const RATING_CONSOLIDATION_RULES: readonly RatingConsolidationRule[] = ['median', 'mean', 'mode'];

/** Ratings that are not whole numbers from 1 to 5, or none at all where one is needed. */
export class RatingsError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'RatingsError';
  }
}

function checkRatings(ratings: readonly number[]): void {
  ratings.forEach((rating, i) => {
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
      throw new RatingsError(`rating ${i + 1} is ${rating}; ratings are whole numbers from 1 to 5`);
    }
  });
}

/**
 * Whether the reviewers must reconcile: their highest and lowest ratings differ by 2 points or more.
 * Fewer than two ratings never need reconciling.
 * @example needsReconciliation([2, 4]) // true
 * @example needsReconciliation([3, 4, 4]) // false
 */
export function needsReconciliation(ratings: readonly number[]): boolean {
  checkRatings(ratings);
  if (ratings.length < 2) return false;
  return Math.max(...ratings) - Math.min(...ratings) >= RECONCILIATION_GAP;
}

/**
 * One rating from the reviewers' final ratings, always a whole number from 1 to 5.
 * - `median` (default): the middle rating; of an even count, the lower of the two middle ones.
 * - `mean`: the mean rounded to the nearest whole rating; exactly half-way rounds down (3.5 → 3).
 * - `mode`: the most frequent rating; when several are equally frequent, the lowest of them.
 * @example consolidate([3, 4]) // 3 (lower median)
 * @example consolidate([2, 4, 5]) // 4
 * @example consolidate([2, 4, 5], 'mean') // 4 (3.67 rounds to 4)
 * @example consolidate([2, 2, 5, 5], 'mode') // 2
 */
export function consolidate(ratings: readonly number[], rule: RatingConsolidationRule = 'median'): number {
  checkRatings(ratings);
  if (ratings.length === 0) throw new RatingsError('there are no ratings to consolidate');
  const sorted = [...ratings].sort((a, b) => a - b);
  switch (rule) {
    case 'median':
      return sorted[Math.floor((sorted.length - 1) / 2)] as number;
    case 'mean': {
      // Whole numbers throughout: round(sum/count) with halves down is ceil((2·sum − count) / (2·count)).
      const sum = sorted.reduce((total, rating) => total + rating, 0);
      return Math.ceil((2 * sum - sorted.length) / (2 * sorted.length));
    }
    case 'mode': {
      let best = sorted[0] as number;
      let bestCount = 0;
      for (let i = 0; i < sorted.length; ) {
        let j = i;
        while (j < sorted.length && sorted[j] === sorted[i]) j++;
        // Ascending order and a strict comparison keep the lowest of equally frequent ratings.
        if (j - i > bestCount) {
          best = sorted[i] as number;
          bestCount = j - i;
        }
        i = j;
      }
      return best;
    }
    default:
      throw new RatingsError(`unknown consolidation rule '${String(rule)}' (${RATING_CONSOLIDATION_RULES.join(', ')})`);
  }
}
