import { type CategoricalColumn, type SurveyData, SurveyTable } from './columns.ts';
import { SurveyDataError, SurveyDesignError } from './errors.ts';

/** The choices of R's `survey.lonely.psu`, in its order; `fail` (an error) is the default. */
export const LONELY_PSU_CHOICES = ['fail', 'remove', 'certainty', 'adjust', 'average'] as const;

/** What to do with a stratum that has a single sampling unit: the choices of R's `survey.lonely.psu`. */
export type LonelyPsu = (typeof LONELY_PSU_CHOICES)[number];

/** How the sample was drawn, by column names of the data. Every key is optional. */
export interface DesignOptions {
  /** Sampling weights; without them, equal weights (or, when `fpc` gives population sizes, the weights they imply). */
  weights?: string;
  /** Strata of the first stage. */
  strata?: string;
  /** Cluster ids, one column per stage (one or two stages); without them each row is its own unit. */
  clusters?: string | readonly string[];
  /** Finite population correction per stage: population sizes (all > 1) or sampling fractions (all ≤ 1). */
  fpc?: string | readonly string[];
  /** Cluster ids repeat across strata and are only unique within one (R's `nest = TRUE`). */
  nest?: boolean;
  /** Strata with one sampling unit; default `fail` (an error), as R. */
  lonelyPsu?: LonelyPsu;
}

/** One sampling stage: which unit each row belongs to, and the strata the units were drawn in. */
export interface DesignStage {
  /** Per row: index of its unit at this stage (unique across the whole sample). */
  readonly unit: Int32Array;
  /** Per unit: index of its stratum (stage 1: the design strata; later stages: the unit of the stage above). */
  readonly unitStratum: Int32Array;
  /** Per unit: the first row of it, to name it in messages. */
  readonly unitFirstRow: Int32Array;
  readonly unitCount: number;
  readonly stratumCount: number;
  /** Per stratum: the number of units sampled in it. */
  readonly sampled: Float64Array;
  /** Per stratum: the number of units in the population (`Infinity` when unknown); null without fpc. */
  readonly population: Float64Array | null;
  /** A person's name for a stratum of this stage. */
  stratumLabel(stratum: number): string;
}

/** Post-stratification as recorded for the variance: cells, and the weights before and after. */
export interface PostStratificationStep {
  readonly kind: 'postStratify';
  readonly cell: Int32Array;
  readonly cellCount: number;
  readonly before: Float64Array;
  readonly after: Float64Array;
}

/** Raking as recorded for the variance: each margin's cells and the weights after its last adjustment. */
export interface RakingStep {
  readonly kind: 'rake';
  readonly margins: readonly { readonly cell: Int32Array; readonly cellCount: number; readonly after: Float64Array }[];
}

export type CalibrationStep = PostStratificationStep | RakingStep;

/**
 * A survey design over the data: weights, sampling stages with their strata, clusters and finite population
 * corrections, and the calibrations applied to the weights. Immutable: calibration returns a new design.
 */
export interface SurveyDesign {
  readonly table: SurveyTable;
  readonly rowCount: number;
  readonly weights: Float64Array;
  readonly stages: readonly DesignStage[];
  /** Finite population corrections were given: the variance adds the later stages' contributions (R's `svyrecvar`). */
  readonly hasFpc: boolean;
  readonly lonelyPsu: LonelyPsu;
  readonly calibration: readonly CalibrationStep[];
  readonly options: Readonly<DesignOptions>;
}

function asList(value: string | readonly string[] | undefined): readonly string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}

/** Groups rows by an integer key into dense unit indices, in order of first appearance. */
function group(rowCount: number, keyOf: (row: number) => number, keySpace: number) {
  const unit = new Int32Array(rowCount);
  const firstRows: number[] = [];
  // A dense lookup when the keys are few enough, a Map otherwise.
  if (keySpace <= 8 * rowCount + 1024) {
    const lookup = new Int32Array(keySpace).fill(-1);
    for (let i = 0; i < rowCount; i++) {
      const key = keyOf(i);
      let u = lookup[key] as number;
      if (u < 0) {
        u = firstRows.length;
        lookup[key] = u;
        firstRows.push(i);
      }
      unit[i] = u;
    }
  } else {
    const lookup = new Map<number, number>();
    for (let i = 0; i < rowCount; i++) {
      const key = keyOf(i);
      let u = lookup.get(key);
      if (u === undefined) {
        u = firstRows.length;
        lookup.set(key, u);
        firstRows.push(i);
      }
      unit[i] = u;
    }
  }
  return { unit, unitFirstRow: Int32Array.from(firstRows), unitCount: firstRows.length };
}

function requireComplete(column: CategoricalColumn, name: string, role: string): void {
  for (let i = 0; i < column.codes.length; i++) {
    if ((column.codes[i] as number) < 0) {
      throw new SurveyDataError(`column '${name}' (${role}) has a missing value at row ${i + 1}`, name);
    }
  }
}

/**
 * Builds a survey design as R's `svydesign(ids =, strata =, fpc =, weights =, nest =)` does, checking it
 * against the data: every named column exists; weights are present, numeric and positive; strata and cluster
 * ids are complete; clusters are nested in strata (unless `nest`); fpc is constant within a stratum and not
 * smaller than the sample.
 * @example
 * const design = surveyDesign(
 *   { rowCount: 4, columns: { w: ['10', '10', '20', '20'], district: ['N', 'N', 'S', 'S'], age: ['31', '45', '', '60'] } },
 *   { weights: 'w', strata: 'district' },
 * );
 * surveyMean(design, 'age').estimate // (10·31 + 10·45 + 20·60) / 40 = 49
 */
export function surveyDesign(data: SurveyData | SurveyTable, options: DesignOptions = {}): SurveyDesign {
  const table = data instanceof SurveyTable ? data : new SurveyTable(data);
  const n = table.rowCount;
  if (n === 0) throw new SurveyDataError('the data have no rows');
  const clusterNames = asList(options.clusters);
  const fpcNames = asList(options.fpc);
  const stageCount = Math.max(1, clusterNames.length);
  if (fpcNames.length > 0 && fpcNames.length !== stageCount) {
    throw new SurveyDesignError(
      `fpc gives ${fpcNames.length} column(s) for ${stageCount} sampling stage(s): give one per stage, in the order of clusters`,
    );
  }
  const nest = options.nest === true;
  const lonelyPsu = options.lonelyPsu ?? 'fail';

  // Strata of the first stage.
  let strata: CategoricalColumn | null = null;
  if (options.strata !== undefined) {
    strata = table.categorical(options.strata, 'strata');
    requireComplete(strata, options.strata, 'strata');
  }
  const strataCodes = strata?.codes ?? new Int32Array(n);
  const strataCount = strata ? strata.levels.length : 1;
  const strataLabel = (h: number) => (strata ? (strata.levels[h] ?? '') : 'all');

  // Cluster ids per stage.
  const ids: CategoricalColumn[] = clusterNames.map((name, s) => {
    const column = table.categorical(name, `clusters, stage ${s + 1}`);
    requireComplete(column, name, `clusters, stage ${s + 1}`);
    return column;
  });
  const firstIds = ids[0];
  const distinctFirst = firstIds ? firstIds.levels.length : n;
  if (distinctFirst === 1 && !(nest && strata)) {
    throw new SurveyDesignError(
      `the design has only one primary sampling unit${firstIds ? ` (column '${clusterNames[0]}' has one value)` : ''}: a variance cannot be estimated`,
      clusterNames[0],
    );
  }

  const stages: DesignStage[] = [];
  // Stage 1: units keyed by (stratum, id) when nested, by id otherwise.
  {
    const g = firstIds
      ? nest && strata
        ? group(
            n,
            (i) => (strataCodes[i] as number) * firstIds.levels.length + (firstIds.codes[i] as number),
            strataCount * firstIds.levels.length,
          )
        : group(n, (i) => firstIds.codes[i] as number, firstIds.levels.length)
      : identityUnits(n);
    const unitStratum = new Int32Array(g.unitCount).fill(-1);
    for (let i = 0; i < n; i++) {
      const u = g.unit[i] as number;
      const h = strataCodes[i] as number;
      const known = unitStratum[u] as number;
      if (known < 0) unitStratum[u] = h;
      else if (known !== h) {
        const name = clusterNames[0] ?? '';
        throw new SurveyDesignError(
          `clusters are not nested in strata: cluster '${firstIds?.levels[firstIds.codes[i] as number]}' (column '${name}') is in strata '${strataLabel(known)}' and '${strataLabel(h)}'; set "nest": true if cluster ids are reused across strata`,
          name,
        );
      }
    }
    stages.push(makeStage(g, unitStratum, strataCount, strataLabel));
  }
  // Later stages: units keyed by (unit of the stage above, id); their strata are the units above.
  for (let s = 1; s < ids.length; s++) {
    const column = ids[s] as CategoricalColumn;
    const above = stages[s - 1] as DesignStage;
    const levels = column.levels.length;
    const g = group(
      n,
      (i) => (above.unit[i] as number) * levels + (column.codes[i] as number),
      above.unitCount * levels,
    );
    const unitStratum = new Int32Array(g.unitCount);
    for (let u = 0; u < g.unitCount; u++) unitStratum[u] = above.unit[g.unitFirstRow[u] as number] as number;
    const aboveName = clusterNames[s - 1] ?? '';
    const aboveIds = ids[s - 1] as CategoricalColumn;
    const label = (h: number) => {
      const row = above.unitFirstRow[h] as number;
      const id = aboveIds.levels[aboveIds.codes[row] as number] ?? '';
      return nest && strata ? `${strataLabel(strataCodes[row] as number)}.${id}` : `${aboveName} ${id}`;
    };
    stages.push(makeStage(g, unitStratum, above.unitCount, label));
  }

  // Finite population corrections, as R's as.fpc: all population sizes (some > 1) or all sampling fractions.
  if (fpcNames.length > 0) {
    const columns = fpcNames.map((name, s) => {
      const values = table.numeric(name, `fpc, stage ${s + 1}`);
      for (let i = 0; i < n; i++) {
        const v = values[i] as number;
        if (Number.isNaN(v))
          throw new SurveyDataError(`column '${name}' (fpc) has a missing value at row ${i + 1}`, name);
        if (!(v > 0) || !Number.isFinite(v)) {
          throw new SurveyDataError(`column '${name}' (fpc), row ${i + 1}: ${v} is not a positive number`, name);
        }
      }
      return values;
    });
    let anyAboveOne = false;
    let allAtLeastOne = true;
    for (const values of columns) {
      for (let i = 0; i < n; i++) {
        const v = values[i] as number;
        if (v > 1) anyAboveOne = true;
        if (v < 1) allAtLeastOne = false;
      }
    }
    if (anyAboveOne !== allAtLeastOne) {
      throw new SurveyDesignError(
        anyAboveOne
          ? 'fpc mixes population sizes (values above 1) and sampling fractions (values below 1): use one kind'
          : 'fpc is 1 everywhere, which is neither a population size nor a sampling fraction below 1 (R refuses it too)',
      );
    }
    for (let s = 0; s < stages.length; s++) {
      const stage = stages[s] as DesignStage;
      const values = columns[s] as Float64Array;
      const name = fpcNames[s] ?? '';
      const population = new Float64Array(stage.stratumCount).fill(Number.NaN);
      for (let i = 0; i < n; i++) {
        const h = stage.unitStratum[stage.unit[i] as number] as number;
        const sampled = stage.sampled[h] as number;
        const size = anyAboveOne ? (values[i] as number) : sampled / (values[i] as number);
        const known = population[h] as number;
        if (Number.isNaN(known)) {
          if (size < sampled) {
            throw new SurveyDesignError(
              `fpc column '${name}' gives stratum '${stage.stratumLabel(h)}' (stage ${s + 1}) a population of ${size} units, fewer than the ${sampled} in the sample`,
              name,
            );
          }
          population[h] = size;
        } else if (known !== size) {
          throw new SurveyDesignError(
            `fpc column '${name}' varies within stratum '${stage.stratumLabel(h)}' (stage ${s + 1}): ${known} and ${size}`,
            name,
          );
        }
      }
      stages[s] = { ...stage, population };
    }
  }

  // Weights: given, or implied by population sizes, or equal.
  let weights: Float64Array;
  if (options.weights !== undefined) {
    const name = options.weights;
    const values = table.numeric(name, 'weights');
    for (let i = 0; i < n; i++) {
      const w = values[i] as number;
      if (Number.isNaN(w))
        throw new SurveyDataError(`weights column '${name}' has a missing value at row ${i + 1}`, name);
      if (!(w > 0) || !Number.isFinite(w)) {
        throw new SurveyDataError(`weights column '${name}', row ${i + 1}: weight ${w} is not a positive number`, name);
      }
    }
    weights = values;
  } else if (fpcNames.length > 0) {
    // As R: the probability of selection is the product over stages of sampled / population.
    weights = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let probability = 1;
      for (const stage of stages) {
        const h = stage.unitStratum[stage.unit[i] as number] as number;
        const population = (stage.population as Float64Array)[h] as number;
        if (population > 1e12) {
          throw new SurveyDesignError('no weights are given and the fpc cannot imply them (a population above 10¹²)');
        }
        probability *= 1 / (population / (stage.sampled[h] as number));
      }
      weights[i] = 1 / probability;
    }
  } else {
    weights = new Float64Array(n).fill(1);
  }

  return {
    table,
    rowCount: n,
    weights,
    stages,
    hasFpc: fpcNames.length > 0,
    lonelyPsu,
    calibration: [],
    options: { ...options },
  };
}

function identityUnits(n: number) {
  const unit = new Int32Array(n);
  for (let i = 0; i < n; i++) unit[i] = i;
  return { unit, unitFirstRow: unit, unitCount: n };
}

function makeStage(
  g: { unit: Int32Array; unitFirstRow: Int32Array; unitCount: number },
  unitStratum: Int32Array,
  stratumCount: number,
  stratumLabel: (h: number) => string,
): DesignStage {
  const sampled = new Float64Array(stratumCount);
  for (let u = 0; u < g.unitCount; u++)
    sampled[unitStratum[u] as number] = (sampled[unitStratum[u] as number] as number) + 1;
  return {
    unit: g.unit,
    unitStratum,
    unitFirstRow: g.unitFirstRow,
    unitCount: g.unitCount,
    stratumCount,
    sampled,
    population: null,
    stratumLabel,
  };
}

/**
 * The same design with new weights, and the calibration step that produced them when there is one.
 * @example withWeights(design, trimmed).weights === trimmed // true
 */
export function withWeights(design: SurveyDesign, weights: Float64Array, step?: CalibrationStep): SurveyDesign {
  return { ...design, weights, calibration: step ? [...design.calibration, step] : design.calibration };
}

/**
 * A design is calibrated once post-stratified or raked: R then keeps every row when it takes a domain.
 * @example isCalibrated(rake(design, options).design) // true
 */
export function isCalibrated(design: SurveyDesign): boolean {
  return design.calibration.length > 0;
}

/**
 * Degrees of freedom of the design restricted to a domain, as R's `degf`: first-stage units minus strata,
 * counting only those with rows in the domain.
 * @example degreesOfFreedom(design, null) // number of PSUs − number of strata
 */
export function degreesOfFreedom(design: SurveyDesign, domain: Uint8Array | null): number {
  const stage = design.stages[0] as DesignStage;
  const unitSeen = new Uint8Array(stage.unitCount);
  const stratumSeen = new Uint8Array(stage.stratumCount);
  let units = 0;
  let strata = 0;
  for (let i = 0; i < design.rowCount; i++) {
    if (domain && !domain[i]) continue;
    const u = stage.unit[i] as number;
    if (!unitSeen[u]) {
      unitSeen[u] = 1;
      units++;
      const h = stage.unitStratum[u] as number;
      if (!stratumSeen[h]) {
        stratumSeen[h] = 1;
        strata++;
      }
    }
  }
  return units - strata;
}
