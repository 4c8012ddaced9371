import { allMeasurementContexts, type MeasurementContext } from '../catalogue/catalogue.ts';
import { type BreakdownKey, TOTAL } from '../monitoring/observation-rules.ts';
import { PROGRESS_STATUSES, type ProgressResult, type ProgressStatus } from './types.ts';

/** A level of the Key Features a roll-up summarises. */
export type RollUpLevel = 'feature' | 'focus-area' | 'area';

/**
 * Where one measurement lands in a roll-up: the status of its `total` series; `breakdowns-only` when it has
 * values but no total series (measurements such as 2.4.1a have no total breakdown, and summing the statuses of
 * its breakdowns would count one measurement twice); `no-data` when it has no value at all.
 */
export type RollUpBucket = ProgressStatus | 'breakdowns-only' | 'no-data';

/** Every bucket, in the order a table shows them. */
export const ROLL_UP_BUCKETS: readonly RollUpBucket[] = [...PROGRESS_STATUSES, 'breakdowns-only', 'no-data'];

/** Progress results of one city: measurement id → breakdown key (`total`, `sex:female`, …) → result. */
export type CityProgress = ReadonlyMap<string, ReadonlyMap<BreakdownKey, ProgressResult>>;

export interface RollUp {
  level: RollUpLevel;
  /** Feature code ('1.1.1'), focus area id ('1.1') or area id ('1'). */
  id: string;
  /** Catalogue measurements in this part of the framework. */
  measurements: number;
  /** How many measurements are in each bucket; the counts add up to `measurements`. */
  counts: Record<RollUpBucket, number>;
  coverage: {
    /** Measurements with at least one value in any breakdown. */
    withValue: number;
    /** Measurements with at least two values (years) in one breakdown, the least a trend needs. */
    withTwoValues: number;
    /** withValue / measurements. */
    withValueShare: number;
    /** withTwoValues / measurements. */
    withTwoValuesShare: number;
  };
  /** Each measurement and its bucket, in table order, so a reader can go from a count to the series. */
  members: { measurementId: string; bucket: RollUpBucket }[];
}

/**
 * Summarise a city's progress for every feature, focus area or area of the Key Features, in framework order:
 * how many measurements are in each status, and how much of the framework has data. Each measurement counts
 * once, by its `total` series. There is deliberately no overall score: statuses of unlike measurements do not
 * add up to one number, and the Key Features are not meant to rank cities (their introductory note: "The
 * objective is not to make distinctions between cities"). Local measurements are outside the catalogue and
 * outside every roll-up.
 * @example
 * const progress = new Map([['1.1.1a', new Map([['total', assessSeries(literacy)]])]]);
 * rollUp(progress, 'focus-area')[0] // { id: '1.1', measurements: 7, counts: { 'on-track': 1, 'no-data': 6, … },
 * //   coverage: { withValue: 1, withTwoValues: 1, withValueShare: 1 / 7, … }, … }
 */
export function rollUp(progress: CityProgress, level: RollUpLevel): RollUp[] {
  const groups = new Map<string, MeasurementContext[]>();
  for (const context of allMeasurementContexts()) {
    const id = groupId(context, level);
    groups.set(id, [...(groups.get(id) ?? []), context]);
  }
  return [...groups].map(([id, contexts]) => {
    const counts = Object.fromEntries(ROLL_UP_BUCKETS.map((b) => [b, 0])) as Record<RollUpBucket, number>;
    let withValue = 0;
    let withTwoValues = 0;
    const members = contexts.map(({ measurement }) => {
      const series = [...(progress.get(measurement.id)?.values() ?? [])];
      const most = Math.max(0, ...series.map((r) => r.valueCount));
      if (most >= 1) withValue++;
      if (most >= 2) withTwoValues++;
      const bucket = bucketOf(progress.get(measurement.id)?.get(TOTAL), most);
      counts[bucket]++;
      return { measurementId: measurement.id, bucket };
    });
    return {
      level,
      id,
      measurements: contexts.length,
      counts,
      coverage: {
        withValue,
        withTwoValues,
        withValueShare: withValue / contexts.length,
        withTwoValuesShare: withTwoValues / contexts.length,
      },
      members,
    };
  });
}

function groupId(context: MeasurementContext, level: RollUpLevel): string {
  if (level === 'feature') return context.feature.code;
  if (level === 'focus-area') return context.focusArea.id;
  return context.area.id;
}

function bucketOf(total: ProgressResult | undefined, mostValues: number): RollUpBucket {
  if (total && total.valueCount >= 1) return total.status;
  return mostValues >= 1 ? 'breakdowns-only' : 'no-data';
}
