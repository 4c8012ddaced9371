import type { BreakdownDimension, Polarity, Unit } from '@lco/core';

/**
 * A city's own indicator as `GET /cities/:slug/local-measurements` serves it (LocalMeasurementOutSchema
 * of the server's monitoring module, which core does not carry).
 */
export interface LocalMeasurement {
  id: string;
  local: true;
  city: string;
  /** By language tag: any language the city works in, not only the six of the interface. */
  names: Record<string, string>;
  definition: string;
  unit: Unit;
  polarity: Polarity;
  breakdowns: { dimension: BreakdownDimension; categories: string[] }[];
  breakdownKeys: string[];
  range: { min: number; max: number | null };
  createdAt: string;
  updatedAt: string;
}

export const BREAKDOWN_DIMENSIONS: readonly BreakdownDimension[] = ['sex', 'setting', 'sector', 'level'];

/** The name in the interface language, else English, else the first one given; with its language. */
export function localName(measurement: Pick<LocalMeasurement, 'names' | 'id'>, lang: string) {
  const names = measurement.names;
  const found = names[lang] !== undefined ? lang : names.en !== undefined ? 'en' : Object.keys(names)[0];
  return found === undefined ? { text: measurement.id, lang: 'en' } : { text: names[found] ?? '', lang: found };
}

/** The address of a city's local measurements. */
export const localMeasurementsPath = (slug: string) => `/cities/${encodeURIComponent(slug)}/local-measurements`;
