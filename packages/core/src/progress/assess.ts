import type { Polarity, Unit } from '../catalogue/types.ts';
import {
  type ProgressInput,
  ProgressInputError,
  type ProgressNote,
  type ProgressResult,
  type ProgressStatus,
  type RateBasis,
  type SeriesPoint,
  PROGRESS_THRESHOLDS as T,
  type Target,
  type TargetStatus,
} from './types.ts';

/**
 * Progress of one series (one city, measurement and breakdown), by the method of docs/methodology.md,
 * "Progress towards targets":
 * - with a target (and a polarity): the ratio of the actual compound annual growth rate, baseline to latest,
 *   to the rate needed to reach the target in time — achieved / on track / moderate / limited / deteriorating;
 *   linear annual change instead when a value is zero or negative;
 * - without a target: the direction of change against a tolerance — improving / stable / deteriorating;
 * - polarity `none`: rising / stable / falling, without judgement (a target is shown but not assessed);
 * - ratings 1–5: by level and change in rating points;
 * - fewer than two values (or nothing after the baseline): insufficient data.
 * Throws ProgressInputError for two values in one year, a value or target outside the measurement's range,
 * or a target year that is not after the baseline year.
 * @example
 * assessSeries({
 *   points: [{ year: 2019, value: 88 }, { year: 2023, value: 91 }],
 *   target: { year: 2030, value: 95 },
 *   polarity: 'higher-better', unit: 'percent', range: { min: 0, max: 100 },
 * }).status // 'on-track' (ratio 1.21: 0.84 % a year against 0.70 % needed)
 * @example
 * assessSeries({ points: [{ year: 2023, value: 91 }], polarity: 'higher-better', unit: 'percent',
 *   range: { min: 0, max: 100 } }).status // 'insufficient-data'
 */
export function assessSeries(input: ProgressInput): ProgressResult {
  validate(input);
  const asOf = input.asOfYear ?? Number.POSITIVE_INFINITY;
  const points = input.points.filter((p) => p.year <= asOf).sort((a, b) => a.year - b.year);
  const notes: ProgressNote[] = [];
  const setBaseline = input.baseline !== undefined && input.baseline.year <= asOf ? input.baseline : undefined;
  const baseline = setBaseline ?? points[0];
  if (setBaseline) {
    notes.push({
      code: 'baseline-set',
      message: `the baseline ${fmt(setBaseline.value)} (${setBaseline.year}) was set for this series: values before it are not used`,
    });
  }
  const latest = baseline ? points.filter((p) => p.year > baseline.year).at(-1) : undefined;
  const base: Pick<ProgressResult, 'valueCount' | 'notes' | 'target'> = {
    valueCount: points.length,
    notes,
    ...(input.target ? { target: input.target } : {}),
  };
  if (!baseline || !latest) {
    return {
      ...base,
      status: 'insufficient-data',
      method: 'insufficient-data',
      ...(baseline ? { baseline } : {}),
      explanation: baseline
        ? `no value after the baseline (${fmt(baseline.value)} in ${baseline.year}): progress needs a baseline and a later value`
        : 'no values: progress needs a baseline and a later value',
    };
  }
  if (input.target && input.target.year <= baseline.year) {
    throw new ProgressInputError(
      `the target year ${input.target.year} is not after the baseline year ${baseline.year}: set a later target year or an earlier baseline`,
    );
  }
  const direction = directionOf(input.polarity);
  const span = { baseline, latest, direction };
  if (input.unit === 'rating-1-5') return { ...base, ...assessRating(input, span, notes) };
  if (input.target && direction !== 0) {
    return { ...base, ...assessTarget(input.target, input.unit, { baseline, latest, direction }, notes) };
  }
  if (input.target) {
    notes.push({
      code: 'target-not-assessed',
      message:
        'the measurement has no better direction (polarity none), so reaching or passing the target cannot be judged: only the direction of change is shown',
    });
  }
  return { ...base, ...assessDirection(input.unit, span, notes) };
}

/** +1 when higher is better, −1 when lower is better, 0 when neither. */
type Direction = 1 | -1 | 0;

interface Span<D extends Direction = Direction> {
  baseline: SeriesPoint;
  latest: SeriesPoint;
  direction: D;
}

type Assessment = Omit<ProgressResult, 'valueCount' | 'notes' | 'target'>;

function directionOf(polarity: Polarity): Direction {
  if (polarity === 'higher-better') return 1;
  if (polarity === 'lower-better') return -1;
  return 0;
}

function assessTarget(
  target: Target,
  unit: Unit,
  { baseline, latest, direction }: Span<1 | -1>,
  notes: ProgressNote[],
): Assessment {
  // Growth rates need positive values; a zero (a count starting from nothing, a target of zero poverty) or a
  // negative value makes them undefined or meaningless (−100 % a year to reach 0), so the same ratio is taken
  // on linear change, which is defined everywhere and equally blind to the unit's scale.
  const compound = baseline.value > 0 && latest.value > 0 && target.value > 0;
  if (!compound) notes.push(cagrUndefinedNote());
  const years = latest.year - baseline.year;
  const targetYears = target.year - baseline.year;
  const actualRate = compound ? cagr(baseline.value, latest.value, years) : (latest.value - baseline.value) / years;
  const requiredRate = compound
    ? cagr(baseline.value, target.value, targetYears)
    : (target.value - baseline.value) / targetYears;
  const method = compound ? 'target-cagr' : 'target-linear';
  const rateBasis: RateBasis = compound ? 'compound' : 'absolute';
  return judgeAgainstTarget(
    { method, rateBasis, actualRate, requiredRate, baseline, latest, direction, target },
    notes,
    (r) => formatRate(r, rateBasis, unit),
  );
}

interface TargetFigures {
  method: 'target-cagr' | 'target-linear' | 'rating';
  rateBasis: RateBasis;
  actualRate: number;
  requiredRate: number;
  baseline: SeriesPoint;
  latest: SeriesPoint;
  direction: 1 | -1;
  target: Target;
}

/** The part shared by measured and rating series: achieved, met-at-baseline, the ratio and its thresholds. */
function judgeAgainstTarget(f: TargetFigures, notes: ProgressNote[], rate: (r: number) => string): Assessment {
  const { baseline, latest, target, direction } = f;
  const targetMet = direction * (latest.value - target.value) >= 0;
  const metAtBaseline = direction * (baseline.value - target.value) >= 0;
  // Signed by polarity and divided by the size of the required rate, the ratio stays meaningful when the
  // target lies on the far side of the baseline (met at the baseline): moving the wrong way is then negative.
  const ratio = f.requiredRate === 0 ? undefined : (direction * f.actualRate) / Math.abs(f.requiredRate);
  const figures = {
    method: f.method,
    baseline,
    latest,
    rateBasis: f.rateBasis,
    actualRate: f.actualRate,
    requiredRate: f.requiredRate,
    ...(ratio === undefined ? {} : { ratio }),
    targetMet,
  };
  const from = `from ${fmt(baseline.value)} (${baseline.year}) to ${fmt(latest.value)} (${latest.year})`;
  if (targetMet) {
    return {
      ...figures,
      status: 'achieved',
      explanation: `${fmt(latest.value)} in ${latest.year} meets the target of ${fmt(target.value)} for ${target.year}: achieved`,
    };
  }
  if (metAtBaseline) {
    notes.push({
      code: 'target-met-at-baseline',
      message: `the target of ${fmt(target.value)} was already met at the baseline (${fmt(baseline.value)} in ${baseline.year}) and is no longer met`,
    });
    return {
      ...figures,
      status: 'deteriorating',
      explanation: `${from}: the target of ${fmt(target.value)}, met at the baseline, is no longer met: deteriorating`,
    };
  }
  // Not met now and not at the baseline: the required rate points the desired way and is not zero.
  const r = ratio ?? 0;
  let status: TargetStatus = statusOfRatio(r);
  let late = '';
  if (target.year <= latest.year) {
    // The deadline has come without the target: the pace may have been close, but "on track" would be false.
    if (status === 'on-track') status = 'moderate';
    late = `; the target year ${target.year} has come without the target`;
    notes.push({
      code: 'target-year-passed',
      message: `the target year ${target.year} has come without the target being met: the status is at best moderate`,
    });
  }
  return {
    ...figures,
    status,
    explanation: `${from}: ${rate(f.actualRate)} against ${rate(f.requiredRate)} needed to reach ${fmt(target.value)} by ${target.year}, ratio ${fmt(r)}${late}: ${words(status)}`,
  };
}

function statusOfRatio(ratio: number): TargetStatus {
  if (ratio >= T.onTrack) return 'on-track';
  if (ratio >= T.moderate) return 'moderate';
  if (ratio >= T.limited) return 'limited';
  return 'deteriorating';
}

function assessDirection(unit: Unit, { baseline, latest, direction }: Span, notes: ProgressNote[]): Assessment {
  const years = latest.year - baseline.year;
  let rateBasis: RateBasis;
  let actualRate: number;
  let tolerance: number;
  if (unit === 'percent') {
    // Shares are judged in percentage points: a relative change exaggerates movement near 0 % (2 → 3 % is
    // +50 %) and hides it near 100 %, and survey percentages carry errors of about a point or two either way.
    rateBasis = 'absolute';
    actualRate = (latest.value - baseline.value) / years;
    tolerance = T.percentPointTolerance;
  } else if (baseline.value > 0 && latest.value > 0) {
    rateBasis = 'compound';
    actualRate = cagr(baseline.value, latest.value, years);
    tolerance = T.relativeTolerance;
  } else {
    rateBasis = 'relative-to-mean';
    const mean = (Math.abs(baseline.value) + Math.abs(latest.value)) / 2;
    actualRate = mean === 0 ? 0 : (latest.value - baseline.value) / years / mean;
    tolerance = T.relativeTolerance;
    notes.push(cagrUndefinedNote());
  }
  const status = directionStatus(actualRate, tolerance, direction);
  const judged = direction === 0 ? 'neither direction is better' : betterWord(direction);
  const band = `the tolerance of ±${formatTolerance(tolerance, rateBasis, unit)}`;
  const beyond = status === 'stable' ? `within ${band}` : `beyond ${band}`;
  return {
    status,
    method: 'direction',
    baseline,
    latest,
    rateBasis,
    actualRate,
    tolerance,
    explanation: `from ${fmt(baseline.value)} (${baseline.year}) to ${fmt(latest.value)} (${latest.year}): ${formatRate(actualRate, rateBasis, unit)}, ${beyond}; ${judged}: ${words(status)}`,
  };
}

function directionStatus(rate: number, tolerance: number, direction: Direction): ProgressStatus {
  if (direction === 0) {
    if (rate > tolerance) return 'rising';
    if (rate < -tolerance) return 'falling';
    return 'stable';
  }
  const good = direction * rate;
  if (good > tolerance) return 'improving';
  if (good < -tolerance) return 'deteriorating';
  return 'stable';
}

/**
 * Ratings are levels on a 1–5 scale whose 1 is "Poor", not nothing, so growth rates mean little: change is
 * counted in rating points. With a target, the ratio of actual to required points per year, as for measured
 * series; without one, the change from baseline to latest and, for a rating that held, its level.
 */
function assessRating(input: ProgressInput, span: Span, notes: ProgressNote[]): Assessment {
  const { baseline, latest, direction } = span;
  const years = latest.year - baseline.year;
  const actualRate = (latest.value - baseline.value) / years;
  if (input.target && direction !== 0) {
    const requiredRate = (input.target.value - baseline.value) / (input.target.year - baseline.year);
    return judgeAgainstTarget(
      {
        method: 'rating',
        rateBasis: 'absolute',
        actualRate,
        requiredRate,
        baseline,
        latest,
        direction,
        target: input.target,
      },
      notes,
      (r) => formatRate(r, 'absolute', 'rating-1-5'),
    );
  }
  if (input.target) {
    notes.push({
      code: 'target-not-assessed',
      message: 'the measurement has no better direction (polarity none), so the target cannot be judged',
    });
  }
  const change = latest.value - baseline.value;
  const from = `from ${fmt(baseline.value)} (${baseline.year}) to ${fmt(latest.value)} (${latest.year})`;
  const figures = {
    method: 'rating' as const,
    baseline,
    latest,
    rateBasis: 'absolute' as const,
    actualRate,
    tolerance: T.ratingTolerance,
  };
  if (direction === 0) {
    const status = change >= T.ratingTolerance ? 'rising' : change <= -T.ratingTolerance ? 'falling' : 'stable';
    return { ...figures, status, explanation: `${from}, ${signed(change)} points: ${words(status)}` };
  }
  const good = direction * change;
  if (good >= T.ratingTolerance) {
    return { ...figures, status: 'improving', explanation: `${from}, ${signed(change)} points: improving` };
  }
  if (good <= -T.ratingTolerance) {
    return { ...figures, status: 'deteriorating', explanation: `${from}, ${signed(change)} points: deteriorating` };
  }
  // Measured on the good side of the scale (6 − rating when lower is better), so the rule reads the same.
  const { min, max } = input.range;
  const level = direction === 1 ? latest.value : min + (max ?? min) - latest.value;
  if (level >= T.ratingHighLevel) {
    notes.push({
      code: 'high-rating-held',
      message: `a rating held at ${fmt(latest.value)} ('Very good' or better) has little room left to rise: holding it counts as improving`,
    });
    return {
      ...figures,
      status: 'improving',
      explanation: `${from}: held at a high level (${fmt(latest.value)}), which counts as improving`,
    };
  }
  return { ...figures, status: 'stable', explanation: `${from}, ${signed(change)} points: stable` };
}

function cagr(from: number, to: number, years: number): number {
  return (to / from) ** (1 / years) - 1;
}

function cagrUndefinedNote(): ProgressNote {
  return {
    code: 'cagr-undefined',
    message: 'a value is zero or negative, where growth rates are undefined: linear change per year is used instead',
  };
}

function validate(input: ProgressInput): void {
  const seen = new Set<number>();
  for (const p of input.points) {
    checkPoint(p, 'value', input);
    if (seen.has(p.year)) throw new ProgressInputError(`two values for ${p.year}: a series has one value a year`);
    seen.add(p.year);
  }
  if (input.baseline) checkPoint(input.baseline, 'baseline', input);
  if (input.target) checkPoint(input.target, 'target', input);
  if (input.asOfYear !== undefined && !Number.isInteger(input.asOfYear)) {
    throw new ProgressInputError(`asOfYear ${input.asOfYear} is not a whole year`);
  }
}

function checkPoint(p: SeriesPoint, what: string, { range, unit }: ProgressInput): void {
  if (!Number.isInteger(p.year)) throw new ProgressInputError(`${what} year ${p.year} is not a whole year`);
  if (!Number.isFinite(p.value)) throw new ProgressInputError(`${what} for ${p.year} is not a number`);
  if (p.value < range.min || (range.max !== null && p.value > range.max)) {
    throw new ProgressInputError(
      `${what} ${p.value} for ${p.year} is outside the valid range ${range.min}–${range.max ?? '∞'} (${unit})`,
    );
  }
}

/** Numbers in explanations: at most two decimals, no trailing zeros. */
function fmt(x: number): string {
  return String(Number(x.toFixed(2)));
}

function signed(x: number): string {
  return x > 0 ? `+${fmt(x)}` : fmt(x);
}

function formatRate(rate: number, basis: RateBasis, unit: Unit): string {
  if (basis === 'compound') return `${signed(rate * 100)} % a year`;
  if (basis === 'relative-to-mean') return `${signed(rate * 100)} % of the mean level a year`;
  return `${signed(rate)}${unitWord(unit)} a year`;
}

function formatTolerance(tolerance: number, basis: RateBasis, unit: Unit): string {
  return basis === 'absolute' ? `${fmt(tolerance)}${unitWord(unit)} a year` : `${fmt(tolerance * 100)} % a year`;
}

function unitWord(unit: Unit): string {
  if (unit === 'percent') return ' percentage points';
  if (unit === 'rating-1-5') return ' points';
  return '';
}

function betterWord(direction: 1 | -1): string {
  return direction === 1 ? 'higher is better' : 'lower is better';
}

function words(status: ProgressStatus): string {
  return status.replace('-', ' ');
}
