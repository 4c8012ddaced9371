import type { Measurement } from '../catalogue/types.ts';

/**
 * The shapes of progress assessment (docs/methodology.md, "Progress towards targets"). A series is one city's
 * values of one measurement and breakdown over the years; its progress is judged against its own baseline and
 * target only, never against other cities (Key Features, introductory note: "The objective is not to make
 * distinctions between cities").
 */

/** One value of a series: the figure for one reference year. */
export interface SeriesPoint {
  year: number;
  value: number;
}

/** What a city aims for: a value to reach by a year. */
export interface Target {
  year: number;
  value: number;
}

export interface ProgressInput extends Pick<Measurement, 'polarity' | 'unit' | 'range'> {
  /** The accepted values, in any order, at most one per year (a second value for a year is an error). */
  points: readonly SeriesPoint[];
  target?: Target | undefined;
  /** A baseline the city set; without one, the first value of the series is the baseline. */
  baseline?: SeriesPoint | undefined;
  /** Assess as of this year: later values are left out (to show progress as it stood in a past cycle). */
  asOfYear?: number | undefined;
}

/** Statuses of a series with a target, from best to worst. */
export type TargetStatus = 'achieved' | 'on-track' | 'moderate' | 'limited' | 'deteriorating';
/** Statuses of a series without a target (or a rating series without one), judged by polarity. */
export type DirectionStatus = 'improving' | 'stable' | 'deteriorating';
/** Statuses of a series whose measurement has no good direction (polarity `none`): change without judgement. */
export type NeutralStatus = 'rising' | 'stable' | 'falling';

export type ProgressStatus = TargetStatus | DirectionStatus | NeutralStatus | 'insufficient-data';

/** Every status, in the order a table or legend shows them. */
export const PROGRESS_STATUSES: readonly ProgressStatus[] = [
  'achieved',
  'on-track',
  'moderate',
  'limited',
  'improving',
  'stable',
  'rising',
  'falling',
  'deteriorating',
  'insufficient-data',
];

/**
 * How the status was found: the ratio of compound annual growth rates to a target, the same ratio on linear
 * annual change when a value is zero or negative (growth rates are undefined there), the direction of change
 * without a target, the rating rule for 1–5 ratings, or not at all.
 */
export type ProgressMethod = 'target-cagr' | 'target-linear' | 'direction' | 'rating' | 'insufficient-data';

/**
 * What `actualRate` and `requiredRate` measure: `compound` a compound annual growth rate (0.01 = 1 % a year),
 * `absolute` a change per year in the measurement's unit (percentage points for percentages, points for
 * ratings), `relative-to-mean` a change per year divided by the mean of the baseline and latest values.
 */
export type RateBasis = 'compound' | 'absolute' | 'relative-to-mean';

/** Why an assessment departs from the plain method; `message` is English, `code` lets a client translate. */
export interface ProgressNote {
  code:
    | 'baseline-set'
    | 'cagr-undefined'
    | 'target-met-at-baseline'
    | 'target-year-passed'
    | 'target-not-assessed'
    | 'high-rating-held';
  message: string;
}

export interface ProgressResult {
  status: ProgressStatus;
  method: ProgressMethod;
  /** The value progress is measured from (absent when the series has no value). */
  baseline?: SeriesPoint;
  /** The last value after the baseline (absent with fewer than two values). */
  latest?: SeriesPoint;
  target?: Target;
  /** Values of the series up to `asOfYear` (for coverage: a measurement with one value is covered). */
  valueCount: number;
  rateBasis?: RateBasis;
  /** Change per year from baseline to latest, on `rateBasis`. */
  actualRate?: number;
  /** Change per year from baseline to target needed to reach it in time, on `rateBasis`. */
  requiredRate?: number;
  /** Actual over required rate, signed by polarity: 1 = exactly the pace needed, below 0 = moving away. */
  ratio?: number;
  /** For `direction` and `rating`: the change (per year, or in rating points) within which a series is stable. */
  tolerance?: number;
  /** For a targeted series: whether the latest value meets the target, respecting polarity. */
  targetMet?: boolean;
  notes: ProgressNote[];
  /** One English sentence with the numbers behind the status. */
  explanation: string;
}

/**
 * The thresholds of docs/methodology.md, in one place so the page that explains a status can quote them.
 * @example PROGRESS_THRESHOLDS.onTrack // 0.95
 */
export const PROGRESS_THRESHOLDS = {
  /** Ratio of actual to required rate from which a targeted series is on track. */
  onTrack: 0.95,
  /** Ratio from which progress is moderate (below it, down to 0, limited). */
  moderate: 0.6,
  /** Ratio below which a targeted series is deteriorating (moving away from its target). */
  limited: 0,
  /** Without a target: compound (or relative-to-mean) change per year within which a series is stable. */
  relativeTolerance: 0.01,
  /** Without a target: change per year, in percentage points, within which a percentage is stable. */
  percentPointTolerance: 0.5,
  /** Ratings: change from baseline to latest, in rating points, within which a rating has held. */
  ratingTolerance: 0.5,
  /** Ratings without a target: a rating held at this level or better ('Very good') counts as improving. */
  ratingHighLevel: 4,
} as const;

/** A series that cannot be assessed as given: duplicate years, values outside the valid range, a bad target. */
export class ProgressInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProgressInputError';
  }
}
