/**
 * The shape of the Key Features of Learning Cities (UNESCO GNLC Guiding Documents, 2015, section 2).
 * English text lives in the data files; translations of titles live in ./translations, keyed by
 * `catalogueKey()`. Everything here is plain data: no I/O, no clock.
 */

export type AreaId = '1' | '2' | '3';
/** Where the area sits in the temple drawing of the framework. */
export type AreaRole = 'pediment' | 'columns' | 'steps';

export type Source = 'official' | 'survey' | 'expert' | 'official-or-survey';

export type Unit =
  | 'percent'
  | 'per-100k'
  | 'count'
  | 'usd-ppp'
  | 'tonnes-per-capita'
  | 'kg-per-capita'
  | 'years'
  | 'hours-per-week'
  | 'visits-per-month'
  | 'ratio'
  | 'rating-1-5';

export type Polarity = 'higher-better' | 'lower-better' | 'none';

export type BreakdownDimension = 'sex' | 'setting' | 'sector' | 'level';

/** One way a measurement is disaggregated; `categories` are stable codes (e.g. 'male', 'female', 'total'). */
export interface Breakdown {
  dimension: BreakdownDimension;
  categories: readonly string[];
}

/** Marks text we had to rebuild because the seed extraction lost it. */
export interface Reconstruction {
  reconstructed: true;
  note: string;
}

export interface Measurement {
  /** Feature code + letter in table order: '1.1.2a'. */
  id: string;
  featureCode: string;
  /** Short name, e.g. 'Adult literacy rate'. */
  name: string;
  definition: string;
  source: Source;
  unit: Unit;
  breakdowns: readonly Breakdown[];
  polarity: Polarity;
  /** Valid range of a value; `max: null` means unbounded. */
  range: { min: number; max: number | null };
  /** SDG targets where the link is clear, e.g. '4.6'. */
  sdgTargets: readonly string[];
  /** Mexico City Statement strategic directions (1–10) where the link is clear. */
  mexicoDirections: readonly number[];
  reconstruction?: Reconstruction;
}

export interface Feature {
  /** '1.1.1' … '3.3.5'. */
  code: string;
  focusAreaId: string;
  title: string;
  measurements: readonly Measurement[];
  reconstruction?: Reconstruction;
}

/** A commitment of the Beijing Declaration on Building Learning Cities (2013), numbered 1–12. */
export interface Commitment {
  number: number;
  /** The commitment's heading, e.g. 'Empowering individuals and promoting social cohesion'. */
  title: string;
  /** The explanatory paragraph(s) and the lead-in sentence that introduces the actions. */
  text: string;
  /** The bullet actions, verbatim (including their trailing '; and'). */
  actions: readonly string[];
}

export interface FocusArea {
  /** '1.1' … '3.3'. */
  id: string;
  areaId: AreaId;
  title: string;
  commitment: Commitment;
  features: readonly Feature[];
}

export interface Area {
  id: AreaId;
  role: AreaRole;
  title: string;
  focusAreas: readonly FocusArea[];
}

/** One of the 10 strategic directions of the Mexico City Statement on Sustainable Learning Cities (2015). */
export interface StrategicDirection {
  number: number;
  title: string;
  text: string;
}

/** One of the six areas of action of the Guidelines for Building Learning Cities (Mexico City, 2015). */
export interface AreaOfAction {
  number: number;
  /** The one-word heading of the Guidelines, e.g. 'Planning'. */
  keyword: string;
  /** The heading sentence, e.g. 'Develop a plan for becoming a learning city' (the translated title). */
  title: string;
  /** The sentence that explains why the area matters. */
  intro: string;
  actions: readonly string[];
}

export interface RatingLabel {
  value: 1 | 2 | 3 | 4 | 5;
  label: string;
}

export interface Catalogue {
  version: 'key-features-2013';
  areas: readonly Area[];
  strategicDirections: readonly StrategicDirection[];
  areasOfAction: readonly AreaOfAction[];
  ratingLabels: readonly RatingLabel[];
}

/** Kinds of catalogue text that carry translations. */
export type TranslatedKind = 'area' | 'focus' | 'feature' | 'measurement' | 'direction' | 'action-area' | 'rating';

/**
 * Key of a translated title.
 * @example catalogueKey('measurement', '1.1.2a') // 'measurement:1.1.2a'
 */
export function catalogueKey(kind: TranslatedKind, id: string | number): string {
  return `${kind}:${id}`;
}
