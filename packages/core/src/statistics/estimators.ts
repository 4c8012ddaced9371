import { type CategoricalColumn, compareLabels } from './columns.ts';
import { degreesOfFreedom, isCalibrated, type SurveyDesign } from './design.ts';
import { qnorm, qt } from './distributions.ts';
import { SurveyDesignError } from './errors.ts';
import { linearizedVariance } from './variance.ts';

export type Statistic = 'mean' | 'total' | 'proportion';

/** One estimate with its standard error, confidence interval, design effect and respondents used. */
export interface Estimate {
  statistic: Statistic;
  variable: string;
  /** The category counted, for proportions and totals of a category. */
  level?: string;
  /** The domain (subpopulation) it is for: a value per `by` variable. */
  domain?: Record<string, string>;
  estimate: number;
  se: number;
  ci: [number, number];
  /** Design effect as R's `deff = TRUE`: design variance over the variance of simple random sampling without replacement. */
  deff: number;
  /** Respondents used: in the domain, with a value for the variable. */
  n: number;
}

export interface EstimateOptions {
  /** Rows of the domain (1 = in); the full design is kept and rows outside count as zeros, as R's `svyby`. */
  domain?: Uint8Array | null;
  /** Labels of the domain, copied into the estimate. */
  domainLabels?: Record<string, string>;
  /** Confidence level of the interval; default 0.95. */
  confidenceLevel?: number;
}

interface Linear {
  estimate: number;
  variance: number;
  deff: number;
  n: number;
}

/**
 * The weighted mean or total of `y` (NaN = missing, dropped) over the domain, with its linearised variance
 * and R's design effect.
 */
function linearEstimate(
  design: SurveyDesign,
  y: Float64Array,
  kind: 'mean' | 'total',
  domain: Uint8Array | null,
): Linear {
  const n = design.rowCount;
  const w = design.weights;
  const present = new Uint8Array(n);
  let count = 0;
  let weightSum = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    if (domain && !domain[i]) continue;
    const v = y[i] as number;
    if (Number.isNaN(v)) continue;
    present[i] = 1;
    count++;
    weightSum += w[i] as number;
    weighted += (w[i] as number) * v;
  }
  if (count === 0) return { estimate: Number.NaN, variance: Number.NaN, deff: Number.NaN, n: 0 };
  const mean = weighted / weightSum;
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (!present[i]) continue;
    z[i] =
      kind === 'mean'
        ? (((y[i] as number) - mean) * (w[i] as number)) / weightSum
        : (y[i] as number) * (w[i] as number);
  }
  // A calibrated design keeps every row in R (their weights only drop to zero), so every unit counts as seen.
  const variance = linearizedVariance(design, z, isCalibrated(design) ? null : present);

  // R's svyvar: n/(n−1) times the weighted mean square about the weighted mean.
  let squares = 0;
  for (let i = 0; i < n; i++) {
    if (!present[i]) continue;
    const d = (y[i] as number) - mean;
    squares += (w[i] as number) * d * d;
  }
  const s2 = ((count / (count - 1)) * squares) / weightSum;
  // Simple random sampling without replacement of `count` from a population of the weight total; R gives NA
  // for a mean when the weights add up to less than the sample (and a meaningless negative for a total).
  const srs =
    kind === 'mean'
      ? (s2 * (weightSum - count)) / (weightSum * count)
      : (s2 * weightSum * weightSum * (weightSum - count)) / (weightSum * count);
  const deff = weightSum < count ? Number.NaN : variance / srs;
  return { estimate: kind === 'mean' ? mean : weighted, variance, deff, n: count };
}

function level(options: EstimateOptions | undefined): number {
  const value = options?.confidenceLevel ?? 0.95;
  if (!(value > 0 && value < 1)) throw new SurveyDesignError(`the confidence level ${value} is not between 0 and 1`);
  return value;
}

function normalInterval(estimate: number, se: number, confidence: number): [number, number] {
  const z = qnorm(1 - (1 - confidence) / 2);
  return [estimate - z * se, estimate + z * se];
}

function finish(
  statistic: Statistic,
  variable: string,
  levelLabel: string | undefined,
  result: Linear,
  ci: [number, number],
  options: EstimateOptions | undefined,
): Estimate {
  // Keys in the order the command line prints them.
  return {
    statistic,
    variable,
    ...(levelLabel === undefined ? {} : { level: levelLabel }),
    ...(options?.domainLabels ? { domain: options.domainLabels } : {}),
    estimate: result.estimate,
    se: Math.sqrt(result.variance),
    ci,
    deff: result.deff,
    n: result.n,
  };
}

/** 1 where the category is `level`, 0 for another category, NaN where missing. */
function indicator(column: CategoricalColumn, levelLabel: string): Float64Array {
  const code = column.levels.indexOf(levelLabel);
  const y = new Float64Array(column.codes.length);
  for (let i = 0; i < y.length; i++) {
    const c = column.codes[i] as number;
    y[i] = c < 0 ? Number.NaN : c === code ? 1 : 0;
  }
  return y;
}

/**
 * Weighted mean of a numeric variable, as R's `svymean(~y, design, na.rm = TRUE, deff = TRUE)`; the interval
 * is normal, as `confint()`.
 * @example surveyMean(design, 'age') // { statistic: 'mean', variable: 'age', estimate: 41.2, se: 0.8, ci: [39.6, 42.8], deff: 1.7, n: 996 }
 */
export function surveyMean(design: SurveyDesign, variable: string, options?: EstimateOptions): Estimate {
  const confidence = level(options);
  const y = design.table.numeric(variable, 'mean');
  const result = linearEstimate(design, y, 'mean', options?.domain ?? null);
  return finish(
    'mean',
    variable,
    undefined,
    result,
    normalInterval(result.estimate, Math.sqrt(result.variance), confidence),
    options,
  );
}

/**
 * Weighted total of a numeric variable, or the estimated number in a category when `levelLabel` is given, as
 * R's `svytotal(~y, design, na.rm = TRUE, deff = TRUE)`; normal interval.
 * @example surveyTotal(design, 'books') // { statistic: 'total', estimate: 1.2e6, … }
 */
export function surveyTotal(
  design: SurveyDesign,
  variable: string,
  options?: EstimateOptions & { level?: string },
): Estimate {
  const confidence = level(options);
  const y =
    options?.level === undefined
      ? design.table.numeric(variable, 'total')
      : indicator(design.table.categorical(variable, 'total'), options.level);
  const result = linearEstimate(design, y, 'total', options?.domain ?? null);
  return finish(
    'total',
    variable,
    options?.level,
    result,
    normalInterval(result.estimate, Math.sqrt(result.variance), confidence),
    options,
  );
}

/**
 * Proportion of respondents in a category, as `svymean(~I(y == level), na.rm = TRUE, deff = TRUE)`, with the
 * interval of R's `svyciprop(~I(y == level), design, method = "logit")`: symmetric on the logit scale, Student
 * t with the design's degrees of freedom (in the domain).
 * @example surveyProportion(design, 'learns_online', 'Yes') // { statistic: 'proportion', level: 'Yes', estimate: 0.31, … }
 */
export function surveyProportion(
  design: SurveyDesign,
  variable: string,
  levelLabel: string,
  options?: EstimateOptions,
): Estimate {
  const confidence = level(options);
  const domain = options?.domain ?? null;
  const y = indicator(design.table.categorical(variable, 'proportion'), levelLabel);
  const result = linearEstimate(design, y, 'mean', domain);
  const p = result.estimate;
  const se = Math.sqrt(result.variance);
  let ci: [number, number];
  if (p === 0 || p === 1) {
    // No variation on the logit scale: the interval collapses to the estimate.
    ci = [p, p];
  } else {
    const df = degreesOfFreedom(design, domain);
    const t = df > 0 ? qt(1 - (1 - confidence) / 2, df) : Number.NaN;
    const logit = Math.log(p / (1 - p));
    const half = (t * se) / (p * (1 - p));
    ci = [1 / (1 + Math.exp(-(logit - half))), 1 / (1 + Math.exp(-(logit + half)))];
  }
  return finish('proportion', variable, levelLabel, result, ci, options);
}

/** A domain: its labels, and its rows. */
export interface Domain {
  labels: Record<string, string>;
  rows: Uint8Array;
}

/**
 * The domains of the `by` variables' cross-classification that have respondents, in label order; rows with a
 * missing `by` value belong to none, as in R's `svyby`.
 * @example domains(design, ['sex']).map((d) => d.labels) // [{ sex: 'F' }, { sex: 'M' }]
 */
export function domains(design: SurveyDesign, by: readonly string[]): Domain[] {
  const columns = by.map((name) => design.table.categorical(name, 'by'));
  const n = design.rowCount;
  const index = new Map<string, number>();
  const found: { labels: string[]; rows: Uint8Array }[] = [];
  for (let i = 0; i < n; i++) {
    let key = '';
    let missing = false;
    for (const column of columns) {
      const code = column.codes[i] as number;
      if (code < 0) {
        missing = true;
        break;
      }
      key += `${code}\u0000`;
    }
    if (missing) continue;
    let d = index.get(key);
    if (d === undefined) {
      d = found.length;
      index.set(key, d);
      found.push({ labels: columns.map((c) => c.levels[c.codes[i] as number] ?? ''), rows: new Uint8Array(n) });
    }
    (found[d] as { rows: Uint8Array }).rows[i] = 1;
  }
  found.sort((a, b) => {
    for (let k = 0; k < by.length; k++) {
      const order = compareLabels(a.labels[k] ?? '', b.labels[k] ?? '');
      if (order !== 0) return order;
    }
    return 0;
  });
  return found.map((d) => ({
    labels: Object.fromEntries(by.map((name, k) => [name, d.labels[k] ?? ''])),
    rows: d.rows,
  }));
}
