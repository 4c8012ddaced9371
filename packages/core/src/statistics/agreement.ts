/*
 * Krippendorff's alpha, by the coincidence-matrix method of Krippendorff (2011), "Computing Krippendorff's
 * Alpha-Reliability" (https://repository.upenn.edu/asc_papers/43). It measures how far expert reviewers agree
 * beyond what chance would give, with any number of reviewers and missing ratings. The formulas and a worked
 * example are in docs/methodology.md, "Agreement between expert reviewers".
 */

/** The level of measurement, which chooses the difference function δ². */
export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/** The levels `krippendorffAlpha` accepts, for command lines and schemas. */
export const ALPHA_LEVELS: readonly AlphaLevel[] = ['nominal', 'ordinal', 'interval', 'ratio'];

/** What went wrong, for a caller that reacts differently to each case. */
export type AgreementErrorCode =
  | 'non-finite-value'
  | 'negative-ratio-value'
  | 'too-few-raters'
  | 'no-pairable-values'
  | 'no-variation';

/**
 * Why alpha cannot be computed from the data, in a message a person can act on. `unit` and `rater` are the
 * 0-based indices of the offending value when there is one (the message counts from 1).
 */
export class AgreementError extends Error {
  readonly code: AgreementErrorCode;
  readonly unit: number | undefined;
  readonly rater: number | undefined;

  constructor(code: AgreementErrorCode, message: string, at?: { unit: number; rater: number }) {
    super(message);
    this.name = 'AgreementError';
    this.code = code;
    this.unit = at?.unit;
    this.rater = at?.rater;
  }
}

export interface AlphaResult {
  /** Krippendorff's alpha: 1 is perfect agreement, 0 agreement at chance level, below 0 systematic disagreement. */
  alpha: number;
  /** Pairable units: units holding at least two values. Units with fewer cannot show (dis)agreement. */
  units: number;
  /** Raters (columns) who gave at least one value anywhere in the data. */
  raters: number;
  /** Pairable values n: all values in the pairable units (Krippendorff's n, the total of the coincidence matrix). */
  pairable: number;
}

/**
 * Krippendorff's alpha reliability coefficient, α = 1 − Do/De, from a units × raters table.
 *
 * `data[u][r]` is rater r's value for unit u; `null` (or a row shorter than the others) means "not rated".
 * Values in a unit with a single value are dropped, as Krippendorff prescribes: they cannot be paired.
 * Differences: nominal (c ≠ k), ordinal (ranks from the marginal frequencies of the pairable values),
 * interval ((c − k)²) and ratio (((c − k)/(c + k))², for values ≥ 0).
 *
 * Throws `AgreementError` for a value that is not a finite number, a negative value at the ratio level,
 * fewer than two raters with a value, no unit with two values, and — rather than returning NaN — when every
 * pairable value is the same: then there is no variation, expected disagreement is 0 and alpha is undefined
 * (code `no-variation`). Perfect agreement *with* variation gives 1.
 *
 * @example
 * krippendorffAlpha([[1, 1], [2, 2], [3, null]], 'nominal') // { alpha: 1, units: 2, raters: 2, pairable: 4 }
 * @example
 * // Krippendorff's reliability data "C" (4 observers, 12 units) at the interval level: alpha ≈ 0.849
 */
export function krippendorffAlpha(data: ReadonlyArray<ReadonlyArray<number | null>>, level: AlphaLevel): AlphaResult {
  if (!ALPHA_LEVELS.includes(level)) {
    throw new TypeError(`unknown level of measurement '${String(level)}' (${ALPHA_LEVELS.join(', ')})`);
  }
  const columns = data.reduce((most, row) => Math.max(most, row.length), 0);
  const ratersWithValue = new Array<boolean>(columns).fill(false);
  for (let u = 0; u < data.length; u++) {
    const row = data[u] as ReadonlyArray<number | null>;
    for (let r = 0; r < row.length; r++) {
      const value = row[r];
      if (value === null || value === undefined) continue;
      if (!Number.isFinite(value)) {
        throw new AgreementError(
          'non-finite-value',
          `unit ${u + 1}, rater ${r + 1}: ${String(value)} is not a finite number`,
          { unit: u, rater: r },
        );
      }
      if (level === 'ratio' && value < 0) {
        throw new AgreementError(
          'negative-ratio-value',
          `unit ${u + 1}, rater ${r + 1}: ${value} is negative, and ratio data start at an absolute zero`,
          { unit: u, rater: r },
        );
      }
      ratersWithValue[r] = true;
    }
  }
  const raters = ratersWithValue.filter(Boolean).length;
  if (raters < 2) {
    throw new AgreementError(
      'too-few-raters',
      `agreement needs at least two raters with a value; the data have ${raters}`,
    );
  }

  // The distinct values, ascending: the rows and columns of the coincidence matrix.
  const values = [...new Set(data.flatMap((row) => row.filter((v): v is number => v !== null && v !== undefined)))]
    .map((v) => (Object.is(v, -0) ? 0 : v))
    .sort((a, b) => a - b);
  const index = new Map(values.map((v, i) => [v, i]));
  const size = values.length;
  const coincidences = new Float64Array(size * size);

  let units = 0;
  let pairable = 0;
  const counts = new Float64Array(size);
  for (const row of data) {
    counts.fill(0);
    let m = 0;
    for (const value of row) {
      if (value === null || value === undefined) continue;
      const at = index.get(value) as number;
      counts[at] = (counts[at] as number) + 1;
      m++;
    }
    if (m < 2) continue;
    units++;
    pairable += m;
    // Each of the m(m − 1) ordered pairs of values in the unit adds 1/(m − 1) to its cell.
    for (let c = 0; c < size; c++) {
      const nc = counts[c] as number;
      if (nc === 0) continue;
      for (let k = 0; k < size; k++) {
        const nk = counts[k] as number;
        if (nk === 0) continue;
        const cell = c * size + k;
        coincidences[cell] = (coincidences[cell] as number) + (nc * (c === k ? nc - 1 : nk)) / (m - 1);
      }
    }
  }
  if (units === 0) {
    throw new AgreementError(
      'no-pairable-values',
      'no unit has values from two raters, so there is nothing to compare',
    );
  }

  const marginals = new Float64Array(size);
  for (let c = 0; c < size; c++) {
    let total = 0;
    for (let k = 0; k < size; k++) total += coincidences[c * size + k] as number;
    marginals[c] = total;
  }

  const delta = differenceFunction(level, values, marginals);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      if (c === k) continue;
      const d = delta(c, k);
      observed += (coincidences[c * size + k] as number) * d;
      expected += (marginals[c] as number) * (marginals[k] as number) * d;
    }
  }
  if (expected === 0) {
    throw new AgreementError(
      'no-variation',
      `alpha is undefined: every pairable value is ${values.find((_, c) => (marginals[c] as number) > 0)}, so there is no variation to tell agreement from chance`,
    );
  }
  // α = 1 − Do/De with Do = Σ o·δ² / n and De = Σ n_c·n_k·δ² / (n(n − 1)).
  const alpha = 1 - ((pairable - 1) * observed) / expected;
  return { alpha, units, raters, pairable };
}

/** δ²(c, k) between the c-th and k-th smallest value. */
function differenceFunction(
  level: AlphaLevel,
  values: readonly number[],
  marginals: Float64Array,
): (c: number, k: number) => number {
  switch (level) {
    case 'nominal':
      return (c, k) => (c === k ? 0 : 1);
    case 'interval':
      return (c, k) => ((values[c] as number) - (values[k] as number)) ** 2;
    case 'ratio':
      return (c, k) => {
        const a = values[c] as number;
        const b = values[k] as number;
        return a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2;
      };
    case 'ordinal': {
      // Σ_{g=c..k} n_g − (n_c + n_k)/2, from cumulative marginal frequencies.
      const cumulative = new Float64Array(marginals.length + 1);
      for (let g = 0; g < marginals.length; g++)
        cumulative[g + 1] = (cumulative[g] as number) + (marginals[g] as number);
      return (c, k) => {
        const low = Math.min(c, k);
        const high = Math.max(c, k);
        const between = (cumulative[high + 1] as number) - (cumulative[low] as number);
        return (between - ((marginals[low] as number) + (marginals[high] as number)) / 2) ** 2;
      };
    }
  }
}
