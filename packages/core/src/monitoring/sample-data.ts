import { allMeasurements } from '../catalogue/index.ts';
import type { Measurement, Unit } from '../catalogue/types.ts';
import { breakdownKeys, TOTAL } from './observation-rules.ts';

/**
 * Ten years of invented, plausible figures for the fictional Sample City, so that every dashboard has
 * something to show on a first start. Deterministic (a seeded generator): the same code always gives the
 * same data, and every value says it is sample data.
 */
export interface SampleData {
  years: number[];
  observations: { year: number; measurementId: string; breakdown: string; value: string; unit: Unit }[];
  targets: { measurementId: string; breakdown: string; targetValue: string; targetYear: number }[];
}

export const SAMPLE_SOURCE = 'Sample data — invented for the fictional Sample City, not a real statistic';

interface Profile {
  /** A typical starting level and yearly change towards better (in the unit). */
  low: number;
  high: number;
  step: number;
  decimals: number;
}

const PROFILES: Readonly<Record<Unit, Profile>> = {
  percent: { low: 25, high: 85, step: 0.8, decimals: 1 },
  'per-100k': { low: 20, high: 60, step: 0.8, decimals: 1 },
  count: { low: 20, high: 120, step: 4, decimals: 0 },
  'usd-ppp': { low: 18_000, high: 36_000, step: 600, decimals: 0 },
  'tonnes-per-capita': { low: 4, high: 9, step: 0.15, decimals: 2 },
  'kg-per-capita': { low: 320, high: 480, step: 6, decimals: 0 },
  years: { low: 9, high: 12, step: 0.08, decimals: 1 },
  'hours-per-week': { low: 1.5, high: 4, step: 0.15, decimals: 1 },
  'visits-per-month': { low: 0.8, high: 2.5, step: 0.05, decimals: 2 },
  ratio: { low: 14, high: 24, step: 0.3, decimals: 1 },
  'rating-1-5': { low: 2, high: 3, step: 0.3, decimals: 0 },
};

/** Crime per 100,000 is counted in thousands, not tens: a special case worth the honesty. */
const OVERRIDES: Readonly<Record<string, Partial<Profile>>> = { '1.1.4a': { low: 2500, high: 4500, step: 60 } };

/**
 * The sample series: years `first`…`first+9`, every catalogue measurement and breakdown, and targets for
 * about half the measurements that have a direction.
 * @example sampleData().observations.length > 600 // true
 */
export function sampleData(first = 2015, seed = 20_151_001): SampleData {
  const random = mulberry32(seed);
  const years = Array.from({ length: 10 }, (_, i) => first + i);
  const observations: SampleData['observations'] = [];
  const targets: SampleData['targets'] = [];
  for (const measurement of allMeasurements()) {
    const profile = { ...PROFILES[measurement.unit], ...OVERRIDES[measurement.id] };
    const direction = measurement.polarity === 'lower-better' ? -1 : 1;
    const start = profile.low + random() * (profile.high - profile.low);
    const pace = profile.step * (0.3 + random());
    const gap = (random() - 0.5) * 6; // difference between the sexes, in points
    let level = start;
    const totals: number[] = [];
    for (const year of years) {
      level += direction * pace * (0.4 + random()) + (random() - 0.5) * profile.step * 0.6;
      const total = clamp(measurement, level);
      totals.push(total);
      const keys = breakdownKeys(measurement);
      const values = DISTRIBUTIONS.has(measurement.id)
        ? sharesOf100(keys, random)
        : keys.map((key) =>
            round(
              key === TOTAL ? total : clamp(measurement, partOf(key, total, gap, random)),
              measurement.unit === 'rating-1-5' ? 0 : profile.decimals,
            ),
          );
      keys.forEach((key, i) => {
        observations.push({
          year,
          measurementId: measurement.id,
          breakdown: key,
          value: values[i] ?? '',
          unit: measurement.unit,
        });
      });
    }
    const latest = totals.at(-1) ?? start;
    if (measurement.polarity !== 'none' && random() < 0.5 && breakdownKeys(measurement).includes(TOTAL)) {
      const goal = clamp(measurement, latest + direction * pace * 8);
      targets.push({
        measurementId: measurement.id,
        breakdown: TOTAL,
        targetValue: round(goal, profile.decimals),
        targetYear: 2030,
      });
    }
  }
  return { years, observations, targets };
}

/** Measurements whose parts are shares of one whole (3.3.1b: the education budget by level). */
const DISTRIBUTIONS = new Set(['3.3.1b']);

/**
 * Shares in percent, one decimal, adding up to exactly 100.0: the first part (basic education) gets the
 * largest weight and absorbs the rounding.
 */
function sharesOf100(keys: readonly string[], random: () => number): string[] {
  const weights = keys.map((_, i) => (i === 0 ? 5 : 1) * (0.7 + random() * 0.6));
  const sum = weights.reduce((a, b) => a + b, 0);
  const tenths = weights.map((w) => Math.round((w / sum) * 1000));
  tenths[0] = 1000 - tenths.slice(1).reduce((a, b) => a + b, 0);
  return tenths.map((t) => (t / 10).toFixed(1));
}

/** A breakdown part near the total: sexes either side of it, settings and levels spread around it. */
function partOf(key: string, total: number, gap: number, random: () => number): number {
  if (key === 'sex:male') return total - gap / 2;
  if (key === 'sex:female') return total + gap / 2;
  return total * (0.8 + random() * 0.4);
}

function clamp(measurement: Measurement, value: number): number {
  if (measurement.unit === 'rating-1-5') return Math.min(5, Math.max(1, Math.round(value)));
  const { min, max } = measurement.range;
  const upper = max === null ? Number.POSITIVE_INFINITY : max - (measurement.unit === 'percent' ? 0.5 : 0);
  return Math.min(upper, Math.max(min + (measurement.unit === 'percent' ? 0.5 : 0), value));
}

function round(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

/** A small, well-known seeded generator (Tommy Ettinger's mulberry32): reproducible, good enough here. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
