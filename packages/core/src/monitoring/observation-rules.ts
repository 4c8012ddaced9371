import type { Measurement, Unit } from '../catalogue/types.ts';

/**
 * The rules an observation meets before it is saved (errors) or before its cycle is submitted
 * (warnings the editor confirms with a note). Pure: the server applies them, the web app can too.
 */

/** `total`, or one category of one breakdown dimension: `sex:female`, `setting:schools`. */
export type BreakdownKey = string;

export const TOTAL: BreakdownKey = 'total';

/**
 * The breakdowns a measurement accepts: `total` (when the measurement has no breakdown or one of its
 * dimensions has a total) and `dimension:category` for every other category.
 * @example breakdownKeys(findMeasurement('1.1.1a')!) // ['total', 'sex:male', 'sex:female']
 * @example breakdownKeys(findMeasurement('2.4.1a')!) // ['setting:schools', 'setting:community-learning-spaces']
 */
export function breakdownKeys(measurement: Pick<Measurement, 'breakdowns'>): BreakdownKey[] {
  const hasTotal =
    measurement.breakdowns.length === 0 || measurement.breakdowns.some((b) => b.categories.includes('total'));
  const parts = measurement.breakdowns.flatMap((b) =>
    b.categories.filter((c) => c !== 'total').map((c) => `${b.dimension}:${c}`),
  );
  return hasTotal ? [TOTAL, ...parts] : parts;
}

/**
 * `breakdownKeys` as a set, kept per measurement object: an import checks a hundred thousand rows against a
 * few dozen measurements (issue #4: 100,000 rows within 3 s).
 */
const keySets = new WeakMap<object, ReadonlySet<BreakdownKey>>();

function breakdownKeySet(measurement: Pick<Measurement, 'breakdowns'>): ReadonlySet<BreakdownKey> {
  let keys = keySets.get(measurement);
  if (!keys) {
    keys = new Set(breakdownKeys(measurement));
    keySets.set(measurement, keys);
  }
  return keys;
}

export interface ObservationIssue {
  /** Stable code clients branch on. */
  code:
    | 'not-a-number'
    | 'out-of-range'
    | 'wrong-unit'
    | 'unknown-breakdown'
    | 'election-year-missing'
    | 'election-year-invalid'
    | 'total-outside-parts'
    | 'implausible-change';
  field: string;
  message: string;
}

export interface ObservationCheck {
  errors: ObservationIssue[];
  warnings: ObservationIssue[];
}

export interface ObservationDraft {
  breakdown: BreakdownKey;
  value: number;
  /** When given, it must be the measurement's unit: values are never converted silently. */
  unit?: string | undefined;
  /** For election turnout (1.1.2a): the year of the election the figure comes from. */
  electionYear?: number | null | undefined;
}

export interface ObservationContext {
  /** Reference year of the cycle. */
  year: number;
  /**
   * The other breakdowns' values this year, by key (for consistency of totals). It may hold the draft's own
   * breakdown too (what is stored, or the whole year of a file): the draft's value is read in its place.
   */
  sameYear: ReadonlyMap<BreakdownKey, number>;
  /** This breakdown's value in the previous year, if any. */
  previousYear?: number | undefined;
}

/** Measurements whose observation names the election it comes from. */
const ELECTION_MEASUREMENTS = new Set(['1.1.2a']);

/**
 * Year-on-year change past which a value is questioned: in percentage points for percentages and
 * ratings (whose scale is bounded), relative for everything else.
 */
const PLAUSIBLE_CHANGE: Readonly<Partial<Record<Unit, { points: number }>>> = {
  percent: { points: 15 },
  'rating-1-5': { points: 2 },
};
const PLAUSIBLE_RELATIVE_CHANGE = 0.5;

/**
 * Check one value against its measurement: errors block saving, warnings block submitting until
 * confirmed.
 * @example checkObservation(m, { breakdown: 'total', value: 120 }, ctx).errors[0]?.code // 'out-of-range' for a percentage
 */
export function checkObservation(
  measurement: Pick<Measurement, 'id' | 'unit' | 'range' | 'breakdowns'>,
  draft: ObservationDraft,
  context: ObservationContext,
): ObservationCheck {
  const errors: ObservationIssue[] = [];
  const warnings: ObservationIssue[] = [];
  if (!breakdownKeySet(measurement).has(draft.breakdown)) {
    errors.push({
      code: 'unknown-breakdown',
      field: 'breakdown',
      message: `${measurement.id} has no breakdown "${draft.breakdown}" (it has ${breakdownKeys(measurement).join(', ')})`,
    });
  }
  if (typeof draft.value !== 'number' || !Number.isFinite(draft.value)) {
    errors.push({ code: 'not-a-number', field: 'value', message: 'must be a number' });
    return { errors, warnings };
  }
  if (draft.unit !== undefined && draft.unit !== measurement.unit) {
    errors.push({
      code: 'wrong-unit',
      field: 'unit',
      message: `${measurement.id} is measured in ${measurement.unit}, not ${draft.unit}`,
    });
  }
  const { min, max } = measurement.range;
  if (draft.value < min || (max !== null && draft.value > max)) {
    errors.push({
      code: 'out-of-range',
      field: 'value',
      message: `must be between ${min} and ${max ?? 'any higher value'} (${measurement.unit})`,
    });
  }
  if (ELECTION_MEASUREMENTS.has(measurement.id)) {
    if (draft.electionYear === undefined || draft.electionYear === null) {
      errors.push({ code: 'election-year-missing', field: 'electionYear', message: 'give the year of the election' });
    } else if (
      !Number.isInteger(draft.electionYear) ||
      draft.electionYear > context.year ||
      draft.electionYear < context.year - 10
    ) {
      errors.push({
        code: 'election-year-invalid',
        field: 'electionYear',
        message: `must be a year from ${context.year - 10} to ${context.year}`,
      });
    }
  }
  if (errors.length > 0) return { errors, warnings };

  const consistency = totalConsistency(draft, context.sameYear);
  if (consistency) warnings.push(consistency);
  if (context.previousYear !== undefined && implausibleChange(measurement.unit, context.previousYear, draft.value)) {
    warnings.push({
      code: 'implausible-change',
      field: 'value',
      message: `changed from ${context.previousYear} last year to ${draft.value}: confirm with a note if this is right`,
    });
  }
  return { errors, warnings };
}

/** A total should lie between its parts (male and female, say); outside, someone should look again. */
function totalConsistency(
  draft: ObservationDraft,
  sameYear: ReadonlyMap<BreakdownKey, number>,
): ObservationIssue | null {
  // The year's values with the draft's in place of what is stored under its breakdown (read, not copied:
  // this runs once for every imported row).
  const total = draft.breakdown === TOTAL ? draft.value : sameYear.get(TOTAL);
  if (total === undefined) return null;
  const byDimension = new Map<string, number[]>();
  for (const [key, value] of sameYear) if (key !== draft.breakdown) addPart(byDimension, key, value);
  addPart(byDimension, draft.breakdown, draft.value);
  for (const [dimension, parts] of byDimension) {
    if (parts.length < 2) continue;
    const low = Math.min(...parts);
    const high = Math.max(...parts);
    if (total < low || total > high) {
      return {
        code: 'total-outside-parts',
        field: 'value',
        message: `the total ${total} lies outside its ${dimension} values (${low}–${high}): confirm with a note if this is right`,
      };
    }
  }
  return null;
}

/** A breakdown's value among its dimension's parts (a module function: a closure made per call costs more). */
function addPart(byDimension: Map<string, number[]>, key: BreakdownKey, value: number): void {
  const colon = key.indexOf(':');
  if (key === TOTAL || colon < 0) return;
  const dimension = key.slice(0, colon);
  const parts = byDimension.get(dimension);
  if (parts) parts.push(value);
  else byDimension.set(dimension, [value]);
}

function implausibleChange(unit: Unit, previous: number, current: number): boolean {
  const band = PLAUSIBLE_CHANGE[unit];
  if (band) return Math.abs(current - previous) > band.points;
  if (previous === 0) return current !== 0 && Math.abs(current) > 0;
  return Math.abs(current - previous) / Math.abs(previous) > PLAUSIBLE_RELATIVE_CHANGE;
}
