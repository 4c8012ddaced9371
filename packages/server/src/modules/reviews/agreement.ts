import { AgreementError, type AgreementOut, krippendorffAlpha } from '@lco/core';

type Level = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/** One rating as the statistics see it: who rated which unit, and the value (null: could not rate). */
export interface RatedValue {
  unit: string;
  rater: string;
  value: number | null;
}

/**
 * Krippendorff's alpha (core) over ratings given as (unit, rater, value). When alpha cannot be computed (fewer
 * than two raters, nothing pairable, no variation) it is null with core's reason: a report, never a crash.
 */
export function agreementOf(ratings: readonly RatedValue[], level: Level): AgreementOut {
  const units = [...new Set(ratings.map((r) => r.unit))];
  const raters = [...new Set(ratings.map((r) => r.rater))];
  const unitIndex = new Map(units.map((u, i) => [u, i]));
  const raterIndex = new Map(raters.map((r, i) => [r, i]));
  const data: (number | null)[][] = units.map(() => raters.map(() => null));
  for (const r of ratings) {
    (data[unitIndex.get(r.unit) as number] as (number | null)[])[raterIndex.get(r.rater) as number] = r.value;
  }
  try {
    const result = krippendorffAlpha(data, level);
    return { ...result, reason: null };
  } catch (error) {
    if (!(error instanceof AgreementError)) throw error;
    const counts = data.map((row) => row.filter((v) => v !== null).length);
    return {
      alpha: null,
      units: counts.filter((n) => n >= 2).length,
      raters: raters.filter((_, i) => data.some((row) => row[i] !== null)).length,
      pairable: counts.filter((n) => n >= 2).reduce((total, n) => total + n, 0),
      reason: error.message,
    };
  }
}
