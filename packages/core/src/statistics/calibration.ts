import type { CategoricalColumn } from './columns.ts';
import { type RakingStep, type SurveyDesign, withWeights } from './design.ts';
import { SurveyCalibrationError } from './errors.ts';

/** One cell of a post-stratification table: a value per variable, and its population count. */
export type PopulationCell = Readonly<Record<string, string | number>>;

export interface PostStratifyOptions {
  /** The variables whose cross-classification forms the cells. */
  variables: readonly string[];
  /** One entry per cell: the variables' values and `count`, the number in the population. */
  population: readonly PopulationCell[];
}

export interface PostStratifyReport {
  cells: number;
  /** Smallest and largest factor a cell's weights were multiplied by. */
  adjustment: { min: number; max: number };
}

export interface RakeMargin {
  variable: string;
  /** Population count per category of the variable. */
  population: Readonly<Record<string, number>>;
}

export interface RakeOptions {
  margins: readonly RakeMargin[];
  /** Stop when no cell of the cross-classification moves by more than this: below 1, a fraction of the total weight; from 1, a number of people (R's `epsilon`). Default 1e-8. */
  tolerance?: number;
  /** Passes over the margins at most (R's `maxit`). Default 100. */
  maxIterations?: number;
}

export interface RakeReport {
  converged: boolean;
  /** Passes over all margins made. */
  iterations: number;
  /** Largest change of a cell of the cross-classification in the last pass. */
  maxChange: number;
  /** The tolerance in people (a relative tolerance times the total weight before raking). */
  tolerance: number;
  /** Per margin, the largest relative difference between weighted sample and population after raking. */
  margins: { variable: string; maxRelativeError: number }[];
}

export interface TrimOptions {
  /** Lower bound on a weight. */
  lower?: number;
  /** Upper bound on a weight. */
  upper?: number;
  /** Bounds are multiples of the mean weight (default) rather than weights. */
  relative?: boolean;
  /** Repeat until no weight is outside the bounds (R's `strict = TRUE`). */
  strict?: boolean;
}

export interface TrimReport {
  lower: number;
  upper: number;
  trimmed: number;
  /** Weight moved from trimmed weights onto the others (negative when weights were raised to the lower bound). */
  redistributed: number;
}

interface Cells {
  cell: Int32Array;
  cellCount: number;
  /** Per cell, the values of the variables (in the order given). */
  labels: string[][];
}

/** Cross-classifies rows by the variables; a missing value is an error naming the row. */
function crossClassify(design: SurveyDesign, variables: readonly string[], role: string): Cells {
  const columns: CategoricalColumn[] = variables.map((name) => {
    const column = design.table.categorical(name, role);
    for (let i = 0; i < column.codes.length; i++) {
      if ((column.codes[i] as number) < 0) {
        throw new SurveyCalibrationError(`${role}: column '${name}' has a missing value at row ${i + 1}`, name);
      }
    }
    return column;
  });
  const n = design.rowCount;
  const cell = new Int32Array(n);
  const index = new Map<string, number>();
  const labels: string[][] = [];
  if (columns.length === 1) {
    const column = columns[0] as CategoricalColumn;
    const map = new Int32Array(column.levels.length).fill(-1);
    for (let i = 0; i < n; i++) {
      const code = column.codes[i] as number;
      let c = map[code] as number;
      if (c < 0) {
        c = labels.length;
        map[code] = c;
        labels.push([column.levels[code] ?? '']);
      }
      cell[i] = c;
    }
    return { cell, cellCount: labels.length, labels };
  }
  for (let i = 0; i < n; i++) {
    let key = '';
    for (const column of columns) key += `${column.codes[i]}\u0000`;
    let c = index.get(key);
    if (c === undefined) {
      c = labels.length;
      index.set(key, c);
      labels.push(columns.map((column) => column.levels[column.codes[i] as number] ?? ''));
    }
    cell[i] = c;
  }
  return { cell, cellCount: labels.length, labels };
}

function describeCell(variables: readonly string[], values: readonly string[]): string {
  return variables.map((v, k) => `${v}=${values[k]}`).join(', ');
}

/**
 * Matches population counts to the sample's cells, as R's `postStratify` does: a cell of the sample absent
 * from the population, or a population cell with people but no respondents, is an error; empty population
 * cells without respondents are ignored.
 */
function populationPerCell(
  cells: Cells,
  variables: readonly string[],
  population: readonly { values: readonly string[]; count: number }[],
  role: string,
): Float64Array {
  const key = (values: readonly string[]) => values.join('\u0000');
  const counts = new Map<string, number>();
  for (const entry of population) {
    const k = key(entry.values);
    if (counts.has(k))
      throw new SurveyCalibrationError(`${role}: the population gives ${describeCell(variables, entry.values)} twice`);
    if (!(entry.count >= 0) || !Number.isFinite(entry.count)) {
      throw new SurveyCalibrationError(
        `${role}: the population count of ${describeCell(variables, entry.values)} is not a number ≥ 0`,
      );
    }
    counts.set(k, entry.count);
  }
  const perCell = new Float64Array(cells.cellCount);
  const inSample = new Set<string>();
  for (let c = 0; c < cells.cellCount; c++) {
    const values = cells.labels[c] as string[];
    const k = key(values);
    inSample.add(k);
    const count = counts.get(k);
    if (count === undefined || count === 0) {
      throw new SurveyCalibrationError(
        `${role}: the data have ${describeCell(variables, values)} but the population ${count === 0 ? 'gives it a count of 0' : 'has no such category'}`,
        variables[0],
      );
    }
    perCell[c] = count;
  }
  for (const entry of population) {
    if (entry.count > 0 && !inSample.has(key(entry.values))) {
      throw new SurveyCalibrationError(
        `${role}: the population has ${describeCell(variables, entry.values)} (${entry.count}) but no respondent in the data does`,
        variables[0],
      );
    }
  }
  return perCell;
}

/**
 * Post-stratifies the design to population counts of a cross-classification, as R's
 * `postStratify(design, ~a + b, population)`: each cell's weights are scaled so they add up to its count.
 * Standard errors then use the residuals from the cell means (see `linearizedVariance`).
 * @example
 * postStratify(design, { variables: ['sex'], population: [{ sex: 'F', count: 5100 }, { sex: 'M', count: 4900 }] })
 */
export function postStratify(
  design: SurveyDesign,
  options: PostStratifyOptions,
): { design: SurveyDesign; report: PostStratifyReport } {
  const role = 'postStratify';
  if (options.variables.length === 0) throw new SurveyCalibrationError(`${role}: name at least one variable`);
  const cells = crossClassify(design, options.variables, role);
  const population = options.population.map((entry) => {
    const values = options.variables.map((v) => {
      const value = entry[v];
      if (value === undefined) {
        throw new SurveyCalibrationError(`${role}: a population cell has no value for '${v}'`, v);
      }
      return String(value);
    });
    for (const key of Object.keys(entry)) {
      if (key !== 'count' && !options.variables.includes(key)) {
        throw new SurveyCalibrationError(
          `${role}: a population cell names '${key}', which is not one of the variables`,
          key,
        );
      }
    }
    const count = entry.count;
    if (typeof count !== 'number')
      throw new SurveyCalibrationError(`${role}: a population cell has no numeric 'count'`);
    return { values, count };
  });
  const target = populationPerCell(cells, options.variables, population, role);
  const before = design.weights;
  const sums = new Float64Array(cells.cellCount);
  for (let i = 0; i < design.rowCount; i++)
    sums[cells.cell[i] as number] = (sums[cells.cell[i] as number] as number) + (before[i] as number);
  const factor = new Float64Array(cells.cellCount);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < cells.cellCount; c++) {
    const f = (target[c] as number) / (sums[c] as number);
    factor[c] = f;
    if (f < min) min = f;
    if (f > max) max = f;
  }
  const after = new Float64Array(design.rowCount);
  // R divides the probability by the factor; 1/(1/w/f) is w·f to the last bit or two, so do it R's way.
  for (let i = 0; i < design.rowCount; i++)
    after[i] = 1 / (1 / (before[i] as number) / (factor[cells.cell[i] as number] as number));
  return {
    design: withWeights(design, after, {
      kind: 'postStratify',
      cell: cells.cell,
      cellCount: cells.cellCount,
      before,
      after,
    }),
    report: { cells: cells.cellCount, adjustment: { min, max } },
  };
}

/**
 * Rakes the design to population margins by iterative proportional fitting, as R's
 * `rake(design, margins, populations, control = list(epsilon = tolerance, maxit = maxIterations))`: each pass
 * post-stratifies on every margin in turn, until no cell of the margins' cross-classification moves by more
 * than the tolerance. Never loops past `maxIterations`; the report says whether it converged.
 * Margins whose categories do not match the data or whose totals disagree are errors.
 * @example
 * rake(design, { margins: [
 *   { variable: 'sex', population: { F: 5100, M: 4900 } },
 *   { variable: 'age', population: { '15-34': 3000, '35-64': 5000, '65+': 2000 } },
 * ] }).report.converged // true
 */
export function rake(design: SurveyDesign, options: RakeOptions): { design: SurveyDesign; report: RakeReport } {
  const role = 'rake';
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-8;
  if (options.margins.length === 0) throw new SurveyCalibrationError(`${role}: give at least one margin`);
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new SurveyCalibrationError(`${role}: maxIterations must be a whole number ≥ 1`);
  }
  if (!(tolerance > 0)) throw new SurveyCalibrationError(`${role}: tolerance must be positive`);
  const n = design.rowCount;
  const margins = options.margins.map((margin) => {
    const cells = crossClassify(design, [margin.variable], `${role} margin '${margin.variable}'`);
    const population = Object.entries(margin.population).map(([value, count]) => ({ values: [value], count }));
    const target = populationPerCell(cells, [margin.variable], population, `${role} margin '${margin.variable}'`);
    const total = population.reduce((a, p) => a + p.count, 0);
    return { variable: margin.variable, cells, target, total };
  });
  const first = margins[0] as (typeof margins)[number];
  for (const margin of margins.slice(1)) {
    if (Math.abs(margin.total - first.total) > 1e-9 * Math.max(Math.abs(first.total), 1)) {
      throw new SurveyCalibrationError(
        `${role}: margin totals disagree: '${first.variable}' adds up to ${first.total} but '${margin.variable}' to ${margin.total}`,
        margin.variable,
      );
    }
  }

  // The cross-classification of every margin variable, on which R measures convergence.
  const joint = new Int32Array(n);
  let jointCount = 0;
  {
    const index = new Map<number, number>();
    let radix = 1;
    const keys = new Float64Array(n);
    for (const margin of margins) {
      for (let i = 0; i < n; i++) keys[i] = (keys[i] as number) + (margin.cells.cell[i] as number) * radix;
      radix *= margin.cells.cellCount;
    }
    for (let i = 0; i < n; i++) {
      const key = keys[i] as number;
      let c = index.get(key);
      if (c === undefined) {
        c = index.size;
        index.set(key, c);
      }
      joint[i] = c;
    }
    jointCount = index.size;
  }
  const table = (w: Float64Array) => {
    const t = new Float64Array(jointCount);
    for (let i = 0; i < n; i++) t[joint[i] as number] = (t[joint[i] as number] as number) + (w[i] as number);
    return t;
  };

  let total = 0;
  for (let i = 0; i < n; i++) total += design.weights[i] as number;
  const epsilon = tolerance < 1 ? tolerance * total : tolerance;
  let weights = Float64Array.from(design.weights);
  let oldTable = table(weights);
  let afters: Float64Array[] = [];
  let iterations = 0;
  let converged = false;
  let maxChange = Number.NaN;
  const sums = margins.map((m) => new Float64Array(m.cells.cellCount));
  while (iterations < maxIterations) {
    afters = [];
    for (let m = 0; m < margins.length; m++) {
      const margin = margins[m] as (typeof margins)[number];
      const sum = (sums[m] as Float64Array).fill(0);
      const cell = margin.cells.cell;
      for (let i = 0; i < n; i++) sum[cell[i] as number] = (sum[cell[i] as number] as number) + (weights[i] as number);
      const next = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const c = cell[i] as number;
        next[i] = 1 / (1 / (weights[i] as number) / ((margin.target[c] as number) / (sum[c] as number)));
      }
      weights = next;
      afters.push(next);
    }
    const newTable = table(weights);
    maxChange = 0;
    for (let c = 0; c < jointCount; c++) {
      const change = Math.abs((oldTable[c] as number) - (newTable[c] as number));
      if (change > maxChange) maxChange = change;
    }
    iterations++;
    if (maxChange < epsilon) {
      converged = true;
      break;
    }
    oldTable = newTable;
  }

  const step: RakingStep = {
    kind: 'rake',
    margins: margins.map((margin, m) => ({
      cell: margin.cells.cell,
      cellCount: margin.cells.cellCount,
      after: afters[m] as Float64Array,
    })),
  };
  const marginReports = margins.map((margin) => {
    const sum = new Float64Array(margin.cells.cellCount);
    for (let i = 0; i < n; i++)
      sum[margin.cells.cell[i] as number] = (sum[margin.cells.cell[i] as number] as number) + (weights[i] as number);
    let relative = 0;
    let absolute = 0;
    for (let c = 0; c < margin.cells.cellCount; c++) {
      const target = margin.target[c] as number;
      const off = Math.abs((sum[c] as number) - target);
      relative = Math.max(relative, off / target);
      absolute = Math.max(absolute, off);
    }
    return { variable: margin.variable, maxRelativeError: relative, absolute };
  });
  // R stops when a pass changes nothing, which also happens when margins that cannot all be met send the
  // weights round a cycle; a margin still far off after such a stop means no convergence.
  const met = marginReports.every((m) => m.absolute <= Math.max(epsilon * jointCount, 1e-6 * first.total));
  const report: RakeReport = {
    converged: converged && met,
    iterations,
    maxChange,
    tolerance: epsilon,
    margins: marginReports.map(({ variable, maxRelativeError }) => ({ variable, maxRelativeError })),
  };
  return { design: withWeights(design, weights, step), report };
}

/**
 * Trims weights to bounds and shares what was cut equally among the weights inside them, as R's
 * `trimWeights(design, lower, upper, strict)`. Bounds are multiples of the mean weight unless
 * `relative: false`. Trimming is not a calibration: R records nothing for the variance, and nor do we.
 * @example trimWeights(design, { lower: 0.3, upper: 3 }).report.trimmed // weights that were outside
 */
export function trimWeights(design: SurveyDesign, options: TrimOptions): { design: SurveyDesign; report: TrimReport } {
  const n = design.rowCount;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += design.weights[i] as number;
  mean /= n;
  const scale = options.relative === false ? 1 : mean;
  const lower = options.lower === undefined ? Number.NEGATIVE_INFINITY : options.lower * scale;
  const upper = options.upper === undefined ? Number.POSITIVE_INFINITY : options.upper * scale;
  if (!(lower < upper))
    throw new SurveyCalibrationError(`trim: the lower bound ${lower} is not below the upper bound ${upper}`);
  let weights = design.weights;
  let trimmed = 0;
  let redistributed = 0;
  // R's strict mode repeats until nothing is outside; each pass can only push weights inwards, but bound it.
  for (let pass = 0; pass < 1000; pass++) {
    let outside = 0;
    let cut = 0;
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const w = weights[i] as number;
      const bounded = Math.max(lower, Math.min(w, upper));
      if (bounded !== w) outside++;
      cut += w - bounded;
      next[i] = bounded;
    }
    if (outside === 0) break;
    if (outside === n) throw new SurveyCalibrationError('trim: every weight lies outside the bounds');
    const share = cut / (n - outside);
    for (let i = 0; i < n; i++) {
      const w = weights[i] as number;
      if (!(w < lower || w > upper)) next[i] = (next[i] as number) + share;
    }
    trimmed += outside;
    redistributed += cut;
    weights = next;
    if (!options.strict) break;
  }
  return { design: withWeights(design, weights), report: { lower, upper, trimmed, redistributed } };
}
