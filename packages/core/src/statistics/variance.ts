import type { CalibrationStep, DesignStage, SurveyDesign } from './design.ts';
import { SurveyDesignError } from './errors.ts';

/**
 * Replaces the linearised values `z` by their residuals from the calibrations, in the order they were applied,
 * exactly as R's `svyrecvar` does: for post-stratification the residual from the cell mean weighted by the
 * weights before it; for raking ten sweeps over the margins of the residual from each cell's plain mean of
 * z / weight. Works in place.
 */
function calibrationResiduals(steps: readonly CalibrationStep[], z: Float64Array): void {
  const n = z.length;
  for (const step of steps) {
    if (step.kind === 'postStratify') {
      const sums = new Float64Array(step.cellCount);
      const before = new Float64Array(step.cellCount);
      for (let i = 0; i < n; i++) {
        const c = step.cell[i] as number;
        const old = step.before[i] as number;
        sums[c] = (sums[c] as number) + ((z[i] as number) * old) / (step.after[i] as number);
        before[c] = (before[c] as number) + old;
      }
      for (let c = 0; c < step.cellCount; c++) sums[c] = (sums[c] as number) / (before[c] as number);
      for (let i = 0; i < n; i++)
        z[i] = (z[i] as number) - (sums[step.cell[i] as number] as number) * (step.after[i] as number);
    } else {
      rakingResiduals(step, z);
    }
  }
}

type RakingStep = Extract<CalibrationStep, { kind: 'rake' }>;

/**
 * What raking residuals need beyond z, computed once per raked design: the row count of each margin cell and,
 * for each pair of margins (k, m), the matrix Σ_{i ∈ cell c of k, cell d of m} w_m,i / w_k,i. With them R's
 * ten sweeps run on cell sums instead of on every row: each step of margin m changes the sums of margin k by
 * that matrix times m's cell means, and z is corrected once at the end — the same arithmetic, rearranged.
 */
interface RakingPlan {
  counts: Float64Array[];
  /** cross[k][m], cells of k × cells of m, row-major; null when too large to be worth it. */
  cross: Float64Array[][] | null;
}

const plans = new WeakMap<RakingStep, RakingPlan>();

function rakingPlan(step: RakingStep): RakingPlan {
  const cached = plans.get(step);
  if (cached) return cached;
  const margins = step.margins;
  const n = margins[0]?.cell.length ?? 0;
  const counts = margins.map((margin) => {
    const count = new Float64Array(margin.cellCount);
    for (let i = 0; i < n; i++) count[margin.cell[i] as number] = (count[margin.cell[i] as number] as number) + 1;
    return count;
  });
  let size = 0;
  for (const a of margins) for (const b of margins) size += a.cellCount * b.cellCount;
  let cross: Float64Array[][] | null = null;
  if (size <= 4_000_000) {
    cross = margins.map((k) =>
      margins.map((m) => {
        const matrix = new Float64Array(k.cellCount * m.cellCount);
        if (k === m) return matrix;
        const width = m.cellCount;
        for (let i = 0; i < n; i++) {
          const at = (k.cell[i] as number) * width + (m.cell[i] as number);
          matrix[at] = (matrix[at] as number) + (m.after[i] as number) / (k.after[i] as number);
        }
        return matrix;
      }),
    );
  }
  const plan = { counts, cross };
  plans.set(step, plan);
  return plan;
}

// R iterates a fixed ten times, converged or not; doing the same keeps the figures identical.
const RAKING_SWEEPS = 10;

function rakingResiduals(step: RakingStep, z: Float64Array): void {
  const n = z.length;
  const margins = step.margins;
  const { counts, cross } = rakingPlan(step);
  if (!cross) {
    // Row by row, as R writes it.
    const sums = margins.map((margin) => new Float64Array(margin.cellCount));
    for (let sweep = 0; sweep < RAKING_SWEEPS; sweep++) {
      for (let m = 0; m < margins.length; m++) {
        const { cell, after, cellCount } = margins[m] as RakingStep['margins'][number];
        const sum = (sums[m] as Float64Array).fill(0);
        const count = counts[m] as Float64Array;
        for (let i = 0; i < n; i++)
          sum[cell[i] as number] = (sum[cell[i] as number] as number) + (z[i] as number) / (after[i] as number);
        for (let c = 0; c < cellCount; c++) sum[c] = (sum[c] as number) / (count[c] as number);
        for (let i = 0; i < n; i++) z[i] = (z[i] as number) - (after[i] as number) * (sum[cell[i] as number] as number);
      }
    }
    return;
  }
  // Cell sums of z / w_k for every margin k, then the sweeps on those sums.
  const sums = margins.map(({ cell, after, cellCount }) => {
    const sum = new Float64Array(cellCount);
    for (let i = 0; i < n; i++)
      sum[cell[i] as number] = (sum[cell[i] as number] as number) + (z[i] as number) / (after[i] as number);
    return sum;
  });
  const corrections = margins.map((margin) => new Float64Array(margin.cellCount));
  for (let sweep = 0; sweep < RAKING_SWEEPS; sweep++) {
    for (let m = 0; m < margins.length; m++) {
      const width = (margins[m] as RakingStep['margins'][number]).cellCount;
      const sum = sums[m] as Float64Array;
      const count = counts[m] as Float64Array;
      const correction = corrections[m] as Float64Array;
      const delta = new Float64Array(width);
      for (let c = 0; c < width; c++) {
        const d = (sum[c] as number) / (count[c] as number);
        delta[c] = d;
        correction[c] = (correction[c] as number) + d;
        sum[c] = (sum[c] as number) - (count[c] as number) * d;
      }
      for (let k = 0; k < margins.length; k++) {
        if (k === m) continue;
        const matrix = (cross[k] as Float64Array[])[m] as Float64Array;
        const target = sums[k] as Float64Array;
        for (let r = 0; r < target.length; r++) {
          let change = 0;
          for (let c = 0; c < width; c++) change += (matrix[r * width + c] as number) * (delta[c] as number);
          target[r] = (target[r] as number) - change;
        }
      }
    }
  }
  for (let m = 0; m < margins.length; m++) {
    const { cell, after } = margins[m] as RakingStep['margins'][number];
    const correction = corrections[m] as Float64Array;
    for (let i = 0; i < n; i++)
      z[i] = (z[i] as number) - (after[i] as number) * (correction[cell[i] as number] as number);
  }
}

/**
 * Taylor-linearisation variance of a statistic whose linearised (influence) values are `z`: R's `svyrecvar`
 * for a `survey.design2`. Calibration residuals first; then, per stratum of the first stage,
 * (1 − n/N) · n/(n − 1) · Σ (unit total − stratum mean)²; and when fpc is given, each later stage's
 * within-unit variance scaled by the sampling fraction of the stage above (the multistage formula).
 * `present` marks the rows R would keep for this statistic (null: all rows); rows outside contribute
 * nothing but their units still count as sampled. Modifies `z`.
 * @example linearizedVariance(design, z, null) // variance of Σ z
 */
export function linearizedVariance(design: SurveyDesign, z: Float64Array, present: Uint8Array | null): number {
  calibrationResiduals(design.calibration, z);
  const stages = design.stages;
  let multiplier: Float64Array | null = null;
  let variance = stageVariance(design, 0, z, present, null);
  if (!design.hasFpc) return variance;
  // Later stages, as R's `multistage`: within each unit of the stage above, times the product of the
  // sampling fractions n/N of the units above it.
  for (let s = 1; s < stages.length; s++) {
    const above = stages[s - 1] as DesignStage;
    const next = new Float64Array(above.unitCount);
    for (let u = 0; u < above.unitCount; u++) {
      const h = above.unitStratum[u] as number;
      const fraction = (above.sampled[h] as number) / ((above.population as Float64Array)[h] as number);
      next[u] = (multiplier ? (multiplier[h] as number) : 1) * fraction;
    }
    multiplier = next;
    variance += stageVariance(design, s, z, present, multiplier);
  }
  return variance;
}

/**
 * One stage of R's `onestage`/`onestrat`: unit totals, centred on the stratum mean over all units sampled in
 * the stratum (units without rows here count as zeros), scaled by the fpc and n/(n − 1); lonely strata as the
 * design says. At the first stage the strata are pooled as R does (`average` rescales by strata used); at
 * later stages each unit above is its own stratum and `multiplier` weights it.
 */
function stageVariance(
  design: SurveyDesign,
  s: number,
  z: Float64Array,
  present: Uint8Array | null,
  multiplier: Float64Array | null,
): number {
  const stage = design.stages[s] as DesignStage;
  const n = design.rowCount;
  const totals = new Float64Array(stage.unitCount);
  const seen = new Uint8Array(stage.unitCount);
  const unit = stage.unit;
  if (present) {
    for (let i = 0; i < n; i++) {
      if (!present[i]) continue;
      const u = unit[i] as number;
      totals[u] = (totals[u] as number) + (z[i] as number);
      seen[u] = 1;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const u = unit[i] as number;
      totals[u] = (totals[u] as number) + (z[i] as number);
      seen[u] = 1;
    }
  }
  const H = stage.stratumCount;
  const sum = new Float64Array(H);
  const used = new Float64Array(H);
  for (let u = 0; u < stage.unitCount; u++) {
    if (!seen[u]) continue;
    const h = stage.unitStratum[u] as number;
    sum[h] = (sum[h] as number) + (totals[u] as number);
    used[h] = (used[h] as number) + 1;
  }
  const lonely = design.lonelyPsu;
  const mean = new Float64Array(H);
  for (let h = 0; h < H; h++) {
    const sampled = stage.sampled[h] as number;
    // R centres unless the stratum is lonely under `adjust`, which measures it from zero (the grand mean of
    // linearised values).
    const centred = lonely !== 'adjust' || (used[h] as number) > 1 || sampled > 1;
    mean[h] = centred ? (sum[h] as number) / sampled : 0;
  }
  const squares = new Float64Array(H);
  for (let u = 0; u < stage.unitCount; u++) {
    if (!seen[u]) continue;
    const h = stage.unitStratum[u] as number;
    const d = (totals[u] as number) - (mean[h] as number);
    squares[h] = (squares[h] as number) + d * d;
  }
  const population = stage.population;
  let variance = 0;
  let strata = 0;
  let usable = 0;
  for (let h = 0; h < H; h++) {
    if ((used[h] as number) === 0) continue;
    strata++;
    const sampled = stage.sampled[h] as number;
    const m = mean[h] as number;
    // Units of the stratum without rows here are zeros (R pads them so).
    const ss = (squares[h] as number) + (sampled - (used[h] as number)) * m * m;
    const size = population ? (population[h] as number) : Number.POSITIVE_INFINITY;
    const f = size === Number.POSITIVE_INFINITY ? 1 : (size - sampled) / size;
    const weight = multiplier ? (multiplier[h] as number) : 1;
    if (f < 1e-7) {
      // A stratum taken whole contributes nothing.
      usable++;
      continue;
    }
    if (sampled > 1) {
      variance += weight * f * (sampled / (sampled - 1)) * ss;
      usable++;
      continue;
    }
    switch (lonely) {
      case 'fail':
        throw new SurveyDesignError(
          `stratum '${stage.stratumLabel(h)}' has only one sampling unit at stage ${s + 1}: choose "lonelyPsu" (remove, certainty, adjust or average) or merge strata`,
        );
      case 'average':
        if (multiplier) return Number.NaN; // as R: a lone stratum below the first stage leaves nothing to average
        break;
      default:
        variance += weight * f * ss;
        usable++;
    }
  }
  if (multiplier || strata === 0) return variance;
  return (variance * strata) / usable;
}
