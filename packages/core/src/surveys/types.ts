import type { Lang, Translations } from '../i18n/languages.ts';

/** The three instruments the Key Features call for: residents aged 15+, learners, teachers and educators. */
export const SURVEY_KINDS = ['citizen', 'learner', 'educator'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

/** One allowed answer of a choice question: a stable code (what is stored) and its label. */
export interface Choice {
  code: string;
  texts: Translations;
}

/** Where a question sits: the standard demographic block, a catalogue measurement, or the city's own. */
export type QuestionBlock = 'demographic' | 'measurement' | 'local';

/** Ask this question only when another question's answer is one of these codes. */
export interface Condition {
  question: string;
  anyOf: readonly string[];
}

interface QuestionBase {
  /** Stable variable name: the form field, the CSV column, the XLSForm `name`. */
  id: string;
  block: QuestionBlock;
  texts: Translations;
  /** Needed for weighting (demographics): a response without it cannot be submitted. */
  required: boolean;
  relevant?: Condition;
  /** The measurement the question feeds (catalogue id or a city's 'local-…' id). */
  measurementId?: string;
}

export interface ChoiceQuestion extends QuestionBase {
  type: 'single';
  choices: readonly Choice[];
}

export interface NumberQuestion extends QuestionBase {
  type: 'number';
  min: number;
  max: number;
  integer: boolean;
}

export type Question = ChoiceQuestion | NumberQuestion;

/**
 * How a question's answers become a measurement's value: the weighted share of `levels` among the
 * respondents of `universe` (times 100 for a percentage), or the weighted mean of a number.
 */
export interface MeasurementEstimator {
  measurementId: string;
  question: string;
  statistic: 'proportion' | 'mean';
  /** Proportion: the answer codes that count. */
  levels?: readonly string[];
  /** Only respondents whose answer to `universe.question` is one of `universe.anyOf` (e.g. aged 25–64). */
  universe?: Condition;
  /** A measurement broken down by a demographic question (e.g. setting): one estimate per category. */
  breakdownBy?: { question: string; dimension: string };
  /** 100 for a percentage, 1 for a mean or a rating. */
  scale: number;
  unit: string;
}

/** A question a city adds to its instrument: asked like the catalogue's, marked local. */
export interface LocalQuestion {
  /** 'local_' and lowercase letters, digits and underscores (a valid XLSForm name). */
  id: string;
  type: 'single' | 'number';
  texts: Translations;
  choices?: readonly Choice[];
  min?: number;
  max?: number;
  integer?: boolean;
  /** A city's local measurement ('local-…') that the question feeds, if any. */
  measurementId?: string;
  /** For a choice question feeding a local measurement: the codes that count. */
  levels?: readonly string[];
}

/** A district of the city: a code (stored) and its name (a place name, not translated). */
export interface District {
  code: string;
  name: string;
}

/** What a city chooses: which measurements, its districts, its own questions, its languages. */
export interface InstrumentDesign {
  kind: SurveyKind;
  /** Catalogue measurements to survey; all of the kind's when omitted. */
  measurements?: readonly string[];
  districts: readonly District[];
  localQuestions?: readonly LocalQuestion[];
  /** Languages offered to respondents; the first is the default. */
  languages: readonly Lang[];
}

/** A generated instrument: questions in order, split in pages, each measurement with its estimator. */
export interface Instrument {
  kind: SurveyKind;
  catalogueVersion: 'key-features-2013';
  /** Frozen once fieldwork starts: a wave keeps the version it was fielded with. */
  version: number;
  languages: readonly Lang[];
  questions: readonly Question[];
  /** Question ids per page, in order: the demographic block first, then a few questions a page. */
  pages: readonly (readonly string[])[];
  estimators: readonly MeasurementEstimator[];
}

/** A respondent's answers by question id: a choice code, a number, or null (not answered or not asked). */
export type Answers = Record<string, string | number | null>;
