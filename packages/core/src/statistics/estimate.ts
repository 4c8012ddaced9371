import {
  type PostStratifyReport,
  postStratify,
  type RakeReport,
  rake,
  type TrimReport,
  trimWeights,
} from './calibration.ts';
import { compareLabels, type SurveyData, SurveyTable } from './columns.ts';
import { type DesignStage, degreesOfFreedom, type SurveyDesign, surveyDesign } from './design.ts';
import { SurveyCalibrationError, SurveyDesignError } from './errors.ts';
import {
  type Domain,
  domains,
  type Estimate,
  type EstimateOptions,
  surveyMean,
  surveyProportion,
  surveyTotal,
} from './estimators.ts';
import { type EstimateRequest, parseSurveySpec } from './spec.ts';

/** Summary of a set of weights. */
export interface WeightSummary {
  sum: number;
  min: number;
  max: number;
  mean: number;
  /** Coefficient of variation (population standard deviation over mean). */
  cv: number;
  /** Kish's design effect of unequal weighting, 1 + cv². */
  kishDeff: number;
  /** Respondents over Kish's design effect. */
  effectiveN: number;
}

/** How the weights were built and what they look like: for a statistician to check before signing. */
export interface WeightingReport {
  respondents: number;
  design: {
    strata: number;
    primaryUnits: number;
    stages: number;
    fpc: boolean;
    nest: boolean;
    lonelyPsu: string;
    degreesOfFreedom: number;
  };
  /** Where the starting weights came from: a column, the fpc, or equal weights. */
  weightsFrom: string;
  initialWeights: WeightSummary;
  finalWeights: WeightSummary;
  postStratify?: PostStratifyReport;
  rake?: RakeReport;
  trim?: TrimReport;
}

export interface SurveyEstimates {
  estimates: Estimate[];
  weighting: WeightingReport;
}

/**
 * Summarises weights.
 * @example summarizeWeights(Float64Array.of(1, 1, 2)).kishDeff // 1.125
 */
export function summarizeWeights(weights: Float64Array): WeightSummary {
  const n = weights.length;
  let sum = 0;
  let squares = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    sum += w;
    squares += w * w;
    if (w < min) min = w;
    if (w > max) max = w;
  }
  const mean = sum / n;
  const kishDeff = (n * squares) / (sum * sum);
  return { sum, min, max, mean, cv: Math.sqrt(Math.max(0, kishDeff - 1)), kishDeff, effectiveN: n / kishDeff };
}

function levelsOf(design: SurveyDesign, variable: string, role: string): string[] {
  const column = design.table.categorical(variable, role);
  const used = new Set<number>();
  for (let i = 0; i < column.codes.length; i++)
    if ((column.codes[i] as number) >= 0) used.add(column.codes[i] as number);
  return [...used].map((c) => column.levels[c] ?? '').sort(compareLabels);
}

function requireLevel(design: SurveyDesign, variable: string, level: string, role: string): void {
  const levels = levelsOf(design, variable, role);
  if (!levels.includes(level)) {
    const list = levels.length > 12 ? `${levels.slice(0, 12).join(', ')}, …` : levels.join(', ');
    throw new SurveyDesignError(
      `${role} of '${variable}': level '${level}' does not occur in the data (levels: ${list})`,
      variable,
    );
  }
}

/** The estimates one request asks for, in one domain (or the whole sample). */
function runRequest(design: SurveyDesign, request: EstimateRequest, options: EstimateOptions): Estimate[] {
  if (request.mean !== undefined) return [surveyMean(design, request.mean, options)];
  if (request.total !== undefined) {
    return [
      surveyTotal(design, request.total, request.level === undefined ? options : { ...options, level: request.level }),
    ];
  }
  const variable = request.proportion as string;
  const levels = request.level === undefined ? levelsOf(design, variable, 'proportion') : [request.level];
  return levels.map((level) => surveyProportion(design, variable, level, options));
}

/**
 * Everything `lco survey estimate` does, without the files: builds the design, post-stratifies, rakes and
 * trims in that order when asked, then computes every requested estimate for the whole sample and, with
 * `by`, for each domain. The design (`SurveySpec`, or JSON as read from a file) is checked first. Raking that
 * does not converge is an error.
 * @example
 * estimateSurvey(data, { weights: 'pw', strata: 'district', estimate: [{ mean: 'age' }, { proportion: 'sex', level: 'F' }], by: 'district' })
 */
export function estimateSurvey(data: SurveyData | SurveyTable, spec: unknown): SurveyEstimates {
  const parsed = parseSurveySpec(spec);
  const table = data instanceof SurveyTable ? data : new SurveyTable(data);
  let design = surveyDesign(table, parsed);
  const initialWeights = summarizeWeights(design.weights);
  const weighting: Partial<Pick<WeightingReport, 'postStratify' | 'rake' | 'trim'>> = {};
  if (parsed.postStratify) {
    const result = postStratify(design, parsed.postStratify);
    design = result.design;
    weighting.postStratify = result.report;
  }
  if (parsed.rake) {
    const result = rake(design, parsed.rake);
    if (!result.report.converged) {
      const r = result.report;
      const worst = r.margins.reduce((a, b) => (b.maxRelativeError > a.maxRelativeError ? b : a));
      const off = `'${worst.variable}' is still off by ${(100 * worst.maxRelativeError).toPrecision(3)}%`;
      throw new SurveyCalibrationError(
        r.iterations < (parsed.rake.maxIterations ?? 100)
          ? `rake: the margins cannot all be met (after ${r.iterations} iterations ${off}); check that the margins fit the data`
          : `rake: did not converge after ${r.iterations} iterations (${off}, last change ${r.maxChange.toPrecision(3)}); raise "maxIterations" or check the margins`,
      );
    }
    design = result.design;
    weighting.rake = result.report;
  }
  if (parsed.trim) {
    const result = trimWeights(design, parsed.trim);
    design = result.design;
    weighting.trim = result.report;
  }

  const confidenceLevel = parsed.confidenceLevel ?? 0.95;
  for (const request of parsed.estimate) {
    if (request.proportion !== undefined && request.level !== undefined) {
      requireLevel(design, request.proportion, request.level, 'proportion');
    }
    if (request.total !== undefined && request.level !== undefined)
      requireLevel(design, request.total, request.level, 'total');
  }
  const by = parsed.by === undefined ? [] : typeof parsed.by === 'string' ? [parsed.by] : parsed.by;
  const groups: Domain[] = by.length > 0 ? domains(design, by) : [];
  const estimates: Estimate[] = [];
  for (const request of parsed.estimate) {
    estimates.push(...runRequest(design, request, { confidenceLevel }));
    for (const group of groups) {
      estimates.push(
        ...runRequest(design, request, { confidenceLevel, domain: group.rows, domainLabels: group.labels }),
      );
    }
  }

  const first = design.stages[0] as DesignStage;
  return {
    estimates,
    weighting: {
      respondents: design.rowCount,
      design: {
        strata: first.stratumCount,
        primaryUnits: first.unitCount,
        stages: design.stages.length,
        fpc: design.hasFpc,
        nest: parsed.nest === true,
        lonelyPsu: design.lonelyPsu,
        degreesOfFreedom: degreesOfFreedom(design, null),
      },
      weightsFrom: parsed.weights !== undefined ? `column '${parsed.weights}'` : design.hasFpc ? 'fpc' : 'equal',
      initialWeights,
      finalWeights: summarizeWeights(design.weights),
      ...weighting,
    },
  };
}
