import { area1 } from './content/area-1.ts';
import { area2 } from './content/area-2.ts';
import { area3 } from './content/area-3.ts';
import { areasOfAction } from './content/areas-of-action.ts';
import { ratingLabels } from './content/rating-labels.ts';
import { strategicDirections } from './content/strategic-directions.ts';
import type { Area, Catalogue, Feature, FocusArea, Measurement } from './types.ts';
import { catalogueKey } from './types.ts';

/** Freeze the whole tree: the catalogue is shared by every request and must never change under one. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * The Key Features of Learning Cities (version `key-features-2013`), with the Beijing commitments, the Mexico
 * City strategic directions, the six areas of action of the Guidelines and the rating labels.
 * English text from the UNESCO seeds; translations of titles are looked up separately (see ./translations).
 * @example catalogue.areas.map((a) => a.role) // ['pediment', 'columns', 'steps']
 */
export const catalogue: Catalogue = deepFreeze({
  version: 'key-features-2013',
  areas: [area1, area2, area3],
  strategicDirections,
  areasOfAction,
  ratingLabels,
});

/** Where a measurement sits in the framework. */
export interface MeasurementContext {
  area: Area;
  focusArea: FocusArea;
  feature: Feature;
  measurement: Measurement;
}

const CONTEXTS: readonly MeasurementContext[] = catalogue.areas.flatMap((area) =>
  area.focusAreas.flatMap((focusArea) =>
    focusArea.features.flatMap((feature) =>
      feature.measurements.map((measurement) => ({ area, focusArea, feature, measurement })),
    ),
  ),
);
const CONTEXT_BY_ID: ReadonlyMap<string, MeasurementContext> = new Map(CONTEXTS.map((c) => [c.measurement.id, c]));
const FEATURES: readonly Feature[] = catalogue.areas.flatMap((a) => a.focusAreas.flatMap((f) => f.features));
const MEASUREMENTS: readonly Measurement[] = CONTEXTS.map((c) => c.measurement);

/**
 * The 12 focus areas, in order.
 * @example allFocusAreas().map((f) => f.id) // ['1.1', '1.2', '1.3', '2.1', …, '3.3']
 */
export function allFocusAreas(): readonly FocusArea[] {
  return catalogue.areas.flatMap((a) => a.focusAreas);
}

/**
 * The 42 features, in table order.
 * @example allFeatures()[0].code // '1.1.1'
 */
export function allFeatures(): readonly Feature[] {
  return FEATURES;
}

/**
 * The 60 measurements, in table order.
 * @example allMeasurements().map((m) => m.id).slice(0, 3) // ['1.1.1a', '1.1.2a', '1.1.2b']
 */
export function allMeasurements(): readonly Measurement[] {
  return MEASUREMENTS;
}

/**
 * One measurement by id, or undefined when the catalogue has none by that id.
 * @example findMeasurement('1.1.1a')?.name // 'Adult literacy rate'
 * @example findMeasurement('9.9.9z') // undefined
 */
export function findMeasurement(id: string): Measurement | undefined {
  return CONTEXT_BY_ID.get(id)?.measurement;
}

/**
 * Every measurement with the feature, focus area and area it belongs to, in table order.
 * @example allMeasurementContexts()[0].focusArea.id // '1.1'
 */
export function allMeasurementContexts(): readonly MeasurementContext[] {
  return CONTEXTS;
}

/**
 * A measurement with the feature, focus area and area it belongs to, or undefined when unknown.
 * @example findMeasurementContext('2.4.2a')?.feature.code // '2.4.2'
 */
export function findMeasurementContext(id: string): MeasurementContext | undefined {
  return CONTEXT_BY_ID.get(id);
}

/**
 * Every key under which a catalogue title can be translated, in framework order: areas, focus areas,
 * features, measurements, strategic directions, areas of action, rating labels (138 in all).
 * @example translationKeys().slice(0, 4) // ['area:1', 'area:2', 'area:3', 'focus:1.1']
 */
export function translationKeys(): readonly string[] {
  return [
    ...catalogue.areas.map((a) => catalogueKey('area', a.id)),
    ...allFocusAreas().map((f) => catalogueKey('focus', f.id)),
    ...FEATURES.map((f) => catalogueKey('feature', f.code)),
    ...MEASUREMENTS.map((m) => catalogueKey('measurement', m.id)),
    ...catalogue.strategicDirections.map((d) => catalogueKey('direction', d.number)),
    ...catalogue.areasOfAction.map((a) => catalogueKey('action-area', a.number)),
    ...catalogue.ratingLabels.map((r) => catalogueKey('rating', r.value)),
  ];
}
