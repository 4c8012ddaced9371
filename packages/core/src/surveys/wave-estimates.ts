import { rake } from '../statistics/calibration.ts';
import { type SurveyColumn, SurveyTable } from '../statistics/columns.ts';
import { surveyDesign } from '../statistics/design.ts';
import { surveyMean } from '../statistics/estimators.ts';
import { type RakeReport, summarizeWeights, type WeightSummary } from '../statistics/index.ts';
import type { Answers, Instrument, MeasurementEstimator } from './types.ts';

/** Cells with fewer respondents than this are suppressed in anything published (issue 6). */
export const MIN_PUBLISHED_CELL = 30;

/** A city's census counts: residents by age group × sex, and by district (both of the same population). */
export interface PopulationMargins {
  ageSex: readonly { ageGroup: string; sex: string; count: number }[];
  district: readonly { district: string; count: number }[];
}

export interface MarginIssue {
  field: string;
  message: string;
}

function choiceCodes(instrument: Instrument, id: string): string[] {
  const q = instrument.questions.find((question) => question.id === id);
  return q?.type === 'single' ? q.choices.map((c) => c.code) : [];
}

/**
 * What is wrong with a wave's population margins, or an empty list: categories the instrument does not
 * have, cells given twice or missing, counts that are not whole numbers ≥ 0, and the two tables not adding
 * up to the same population.
 * @example checkMargins(instrument, { ageSex: [...], district: [{ district: 'north', count: 10 }] })
 * // [{ field: 'district', message: 'the districts add up to 10 but age × sex to 52000: both must count the same residents' }]
 */
export function checkMargins(instrument: Instrument, margins: PopulationMargins): MarginIssue[] {
  const issues: MarginIssue[] = [];
  const ages = choiceCodes(instrument, 'age_group');
  const sexes = choiceCodes(instrument, 'sex');
  const districts = choiceCodes(instrument, 'district');
  const count = (field: string, value: number) => {
    if (!Number.isInteger(value) || value < 0) issues.push({ field, message: `${value} is not a whole number ≥ 0` });
  };
  const seen = new Set<string>();
  margins.ageSex.forEach((cell, i) => {
    const at = `ageSex[${i}]`;
    if (!ages.includes(cell.ageGroup))
      issues.push({
        field: `${at}.ageGroup`,
        message: `'${cell.ageGroup}' is not an age group of this survey (${ages.join(', ')})`,
      });
    if (!sexes.includes(cell.sex))
      issues.push({ field: `${at}.sex`, message: `'${cell.sex}' is not one of ${sexes.join(', ')}` });
    const key = `${cell.ageGroup}|${cell.sex}`;
    if (seen.has(key)) issues.push({ field: at, message: `${cell.ageGroup} × ${cell.sex} is given twice` });
    seen.add(key);
    count(`${at}.count`, cell.count);
  });
  for (const age of ages) {
    for (const sex of sexes) {
      if (!seen.has(`${age}|${sex}`)) issues.push({ field: 'ageSex', message: `${age} × ${sex} is missing` });
    }
  }
  const seenDistricts = new Set<string>();
  margins.district.forEach((cell, i) => {
    const at = `district[${i}]`;
    if (!districts.includes(cell.district))
      issues.push({ field: `${at}.district`, message: `'${cell.district}' is not a district of this survey` });
    if (seenDistricts.has(cell.district))
      issues.push({ field: at, message: `district '${cell.district}' is given twice` });
    seenDistricts.add(cell.district);
    count(`${at}.count`, cell.count);
  });
  for (const d of districts)
    if (!seenDistricts.has(d)) issues.push({ field: 'district', message: `district '${d}' is missing` });
  const ageSexTotal = margins.ageSex.reduce((a, c) => a + c.count, 0);
  const districtTotal = margins.district.reduce((a, c) => a + c.count, 0);
  if (ageSexTotal !== districtTotal) {
    issues.push({
      field: 'district',
      message: `the districts add up to ${districtTotal} but age × sex to ${ageSexTotal}: both must count the same residents`,
    });
  }
  if (ageSexTotal === 0) issues.push({ field: 'ageSex', message: 'the population is empty' });
  return issues;
}

/** One measurement's estimate from a wave (one per category when it is broken down). */
export interface WaveEstimate {
  measurementId: string;
  /** 'total', or 'dimension:category' as observations name it. */
  breakdown: string;
  statistic: 'proportion' | 'mean';
  unit: string;
  /** In the measurement's unit (a percentage for proportions); null when suppressed. */
  value: number | null;
  se: number | null;
  ci: [number, number] | null;
  /** Respondents behind it (in its universe, with an answer). */
  n: number;
  /** Fewer than the minimum respondents: not published, not usable as an observation. */
  suppressed: boolean;
}

export interface WaveWeighting {
  method: 'raked' | 'unweighted';
  respondents: number;
  /** Respondents left out of weighting: their age group, sex or district is not in the margins. */
  excluded: number;
  weights: WeightSummary | null;
  rake: RakeReport | null;
}

export interface WaveEstimates {
  weighting: WaveWeighting;
  estimates: WaveEstimate[];
  minCell: number;
}

function estimatorColumn(estimator: MeasurementEstimator, rows: readonly Answers[]): Float64Array {
  const values = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const answer = (rows[i] as Answers)[estimator.question];
    if (answer === null || answer === undefined) values[i] = Number.NaN;
    else if (estimator.statistic === 'proportion')
      values[i] = (estimator.levels ?? []).includes(String(answer)) ? 1 : 0;
    else values[i] = typeof answer === 'number' ? answer : Number(answer);
  }
  return values;
}

/**
 * Weighted estimates of every measurement of an instrument from a wave's responses: raked to the margins
 * (age group × sex, district) when given, else unweighted; each estimator's universe and breakdown as a
 * domain of the whole design (as R's `svyby`); estimates behind fewer than `minCell` respondents suppressed.
 * Throws the engine's `SurveyCalibrationError` when the margins cannot be met (a cell with no respondent).
 * @example estimateWave(instrument, responses, margins).estimates[0] // { measurementId: '1.1.2b', breakdown: 'total', value: 31.4, … }
 */
export function estimateWave(
  instrument: Instrument,
  responses: readonly Answers[],
  margins: PopulationMargins | null,
  options: { minCell?: number; confidenceLevel?: number } = {},
): WaveEstimates {
  const minCell = options.minCell ?? MIN_PUBLISHED_CELL;
  const confidenceLevel = options.confidenceLevel ?? 0.95;
  const inMargins = (r: Answers) =>
    !margins ||
    (margins.ageSex.some((c) => c.ageGroup === r.age_group && c.sex === r.sex) &&
      margins.district.some((c) => c.district === r.district));
  const rows = responses.filter(inMargins);
  const excluded = responses.length - rows.length;
  const empty = (): WaveEstimates => ({
    weighting: { method: margins ? 'raked' : 'unweighted', respondents: 0, excluded, weights: null, rake: null },
    estimates: instrument.estimators.flatMap((e) =>
      breakdownsOf(instrument, e).map((b) => ({
        measurementId: e.measurementId,
        breakdown: b.key,
        statistic: e.statistic,
        unit: e.unit,
        value: null,
        se: null,
        ci: null,
        n: 0,
        suppressed: true,
      })),
    ),
    minCell,
  });
  if (rows.length === 0) return empty();

  const columns: Record<string, SurveyColumn> = {};
  instrument.estimators.forEach((e, i) => {
    columns[`m${i}`] = { kind: 'numeric', values: estimatorColumn(e, rows) };
  });
  columns.age_sex = rows.map((r) => `${r.age_group ?? ''}|${r.sex ?? ''}`);
  columns.district = rows.map((r) => String(r.district ?? ''));
  let design = surveyDesign(new SurveyTable({ rowCount: rows.length, columns }));
  let rakeReport: RakeReport | null = null;
  if (margins) {
    const ageSex: Record<string, number> = {};
    for (const c of margins.ageSex) ageSex[`${c.ageGroup}|${c.sex}`] = c.count;
    const district: Record<string, number> = {};
    for (const c of margins.district) district[c.district] = c.count;
    // Cells nobody in the city lives in are dropped rather than refused: they cannot hold a respondent.
    const positive = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v > 0));
    const result = rake(design, {
      margins: [
        { variable: 'age_sex', population: positive(ageSex) },
        { variable: 'district', population: positive(district) },
      ],
    });
    design = result.design;
    rakeReport = result.report;
  }

  const estimates: WaveEstimate[] = [];
  instrument.estimators.forEach((estimator, i) => {
    for (const b of breakdownsOf(instrument, estimator)) {
      const domain = new Uint8Array(rows.length);
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r] as Answers;
        const inUniverse =
          !estimator.universe || estimator.universe.anyOf.includes(String(row[estimator.universe.question] ?? ''));
        const inBreakdown = !b.question || row[b.question] === b.category;
        domain[r] = inUniverse && inBreakdown ? 1 : 0;
      }
      const result = surveyMean(design, `m${i}`, { domain, confidenceLevel });
      const suppressed = result.n < minCell || !Number.isFinite(result.estimate);
      estimates.push({
        measurementId: estimator.measurementId,
        breakdown: b.key,
        statistic: estimator.statistic,
        unit: estimator.unit,
        value: suppressed ? null : result.estimate * estimator.scale,
        se: suppressed ? null : result.se * estimator.scale,
        ci: suppressed ? null : [result.ci[0] * estimator.scale, result.ci[1] * estimator.scale],
        n: result.n,
        suppressed,
      });
    }
  });
  return {
    weighting: {
      method: margins ? 'raked' : 'unweighted',
      respondents: rows.length,
      excluded,
      weights: summarizeWeights(design.weights),
      rake: rakeReport,
    },
    estimates,
    minCell,
  };
}

function breakdownsOf(
  instrument: Instrument,
  estimator: MeasurementEstimator,
): { key: string; question?: string; category?: string }[] {
  if (!estimator.breakdownBy) return [{ key: 'total' }];
  const { question, dimension } = estimator.breakdownBy;
  return choiceCodes(instrument, question).map((category) => ({ key: `${dimension}:${category}`, question, category }));
}
