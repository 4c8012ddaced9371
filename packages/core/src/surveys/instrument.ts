import { type Lang, localize } from '../i18n/languages.ts';
import { DISTRICT_QUESTION, demographicBlock, measurementsOfKind, QUESTION_BANK } from './question-bank.ts';
import type { Answers, Condition, Instrument, InstrumentDesign, MeasurementEstimator, Question } from './types.ts';

/** Questions per page after the demographic block: short pages for small screens and slow connections. */
export const QUESTIONS_PER_PAGE = 5;

/** Said on every instrument page and export in a language other than English. */
export const SURVEY_TRANSLATION_NOTICES: Readonly<Record<Lang, string>> = {
  en: 'English is the source text of these questions; the other languages are unofficial translations.',
  fr: 'Le texte anglais de ces questions fait foi ; cette version française est une traduction non officielle.',
  es: 'El texto en inglés de estas preguntas es el original; esta versión en español es una traducción no oficial.',
  ar: 'النص الإنجليزي لهذه الأسئلة هو الأصل؛ هذه النسخة العربية ترجمة غير رسمية.',
  zh: '这些问题以英文文本为准；本中文版本为非官方译文。',
  ru: 'Исходным является английский текст этих вопросов; эта русская версия — неофициальный перевод.',
};

/** A problem with a city's design, naming the field at fault. */
export interface DesignIssue {
  field: string;
  message: string;
}

const LOCAL_ID = /^local_[a-z0-9_]{1,40}$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;

/**
 * What is wrong with a city's design, or an empty list: unknown or foreign measurements, duplicate
 * districts, local questions without choices or with clashing names.
 * @example checkDesign({ kind: 'citizen', measurements: ['2.4.1a'], districts: [], languages: ['en'] })
 * // [{ field: 'measurements[0]', message: '2.4.1a is asked in the educator survey, not the citizen survey' }, { field: 'districts', … }]
 */
export function checkDesign(design: InstrumentDesign): DesignIssue[] {
  const issues: DesignIssue[] = [];
  (design.measurements ?? []).forEach((id, i) => {
    const entry = QUESTION_BANK[id];
    if (!entry)
      issues.push({ field: `measurements[${i}]`, message: `${id} is not a survey measurement of the catalogue` });
    else if (entry.kind !== design.kind) {
      issues.push({
        field: `measurements[${i}]`,
        message: `${id} is asked in the ${entry.kind} survey, not the ${design.kind} survey`,
      });
    }
  });
  if (design.districts.length === 0) issues.push({ field: 'districts', message: 'name at least one district' });
  const codes = new Set<string>();
  design.districts.forEach((d, i) => {
    if (!CODE.test(d.code))
      issues.push({ field: `districts[${i}].code`, message: `'${d.code}' is not a code (letters, digits, - _ .)` });
    if (codes.has(d.code))
      issues.push({ field: `districts[${i}].code`, message: `district '${d.code}' is listed twice` });
    codes.add(d.code);
  });
  if (design.languages.length === 0) issues.push({ field: 'languages', message: 'choose at least one language' });
  if (new Set(design.languages).size !== design.languages.length) {
    issues.push({ field: 'languages', message: 'a language is listed twice' });
  }
  const ids = new Set<string>();
  (design.localQuestions ?? []).forEach((q, i) => {
    const at = `localQuestions[${i}]`;
    if (!LOCAL_ID.test(q.id))
      issues.push({ field: `${at}.id`, message: `'${q.id}' must be 'local_' and lowercase letters, digits or _` });
    if (ids.has(q.id)) issues.push({ field: `${at}.id`, message: `'${q.id}' is used twice` });
    ids.add(q.id);
    if (q.texts.en.trim() === '') issues.push({ field: `${at}.texts.en`, message: 'the English text is needed' });
    if (q.type === 'single') {
      const choices = q.choices ?? [];
      if (choices.length < 2)
        issues.push({ field: `${at}.choices`, message: 'a choice question needs at least two choices' });
      const seen = new Set<string>();
      for (const c of choices) {
        if (!CODE.test(c.code)) issues.push({ field: `${at}.choices`, message: `'${c.code}' is not a code` });
        if (seen.has(c.code)) issues.push({ field: `${at}.choices`, message: `choice '${c.code}' is listed twice` });
        seen.add(c.code);
      }
      for (const level of q.levels ?? []) {
        if (!seen.has(level)) issues.push({ field: `${at}.levels`, message: `'${level}' is not one of the choices` });
      }
    } else {
      const min = q.min ?? 0;
      const max = q.max ?? 1_000_000;
      if (!(min < max)) issues.push({ field: `${at}.max`, message: 'the largest answer must be above the smallest' });
    }
    if (q.measurementId !== undefined && !q.measurementId.startsWith('local-')) {
      issues.push({ field: `${at}.measurementId`, message: 'a local question feeds a local measurement (local-…)' });
    }
    if (q.measurementId !== undefined && q.type === 'single' && (q.levels ?? []).length === 0) {
      issues.push({ field: `${at}.levels`, message: 'say which choices count towards the measurement' });
    }
  });
  return issues;
}

/**
 * The instrument a city fields: the standard demographic block (with its districts), a question per chosen
 * measurement and the city's own questions, in pages, each measurement with its estimator. The design is
 * assumed checked (`checkDesign`).
 * @example buildInstrument({ kind: 'citizen', measurements: ['2.1.3a'], districts: [{ code: 'n', name: 'North' }], languages: ['en'] }, 1).estimators[0]
 * // { measurementId: '2.1.3a', question: 'adult_learning', statistic: 'proportion', levels: ['yes'], universe: { question: 'age_group', anyOf: ['25-34', …] }, scale: 100, unit: 'percent' }
 */
export function buildInstrument(design: InstrumentDesign, version: number): Instrument {
  const chosen = new Set(design.measurements ?? measurementsOfKind(design.kind));
  const measurementIds = measurementsOfKind(design.kind).filter((id) => chosen.has(id));
  const demographics = demographicBlock(design.kind).map((q) =>
    q.id === DISTRICT_QUESTION.id && q.type === 'single'
      ? { ...q, choices: design.districts.map((d) => ({ code: d.code, texts: { en: d.name } })) }
      : q,
  );
  const measured: Question[] = [];
  const estimators: MeasurementEstimator[] = [];
  for (const id of measurementIds) {
    const entry = QUESTION_BANK[id];
    if (!entry) continue;
    measured.push(entry.question);
    estimators.push({ measurementId: id, question: entry.question.id, ...entry.estimator });
  }
  const local: Question[] = (design.localQuestions ?? []).map((q) =>
    q.type === 'single'
      ? {
          id: q.id,
          block: 'local',
          type: 'single',
          required: false,
          texts: q.texts,
          choices: q.choices ?? [],
          ...(q.measurementId ? { measurementId: q.measurementId } : {}),
        }
      : {
          id: q.id,
          block: 'local',
          type: 'number',
          required: false,
          texts: q.texts,
          min: q.min ?? 0,
          max: q.max ?? 1_000_000,
          integer: q.integer ?? false,
          ...(q.measurementId ? { measurementId: q.measurementId } : {}),
        },
  );
  for (const q of design.localQuestions ?? []) {
    if (!q.measurementId) continue;
    estimators.push(
      q.type === 'single'
        ? {
            measurementId: q.measurementId,
            question: q.id,
            statistic: 'proportion',
            levels: q.levels ?? [],
            scale: 100,
            unit: 'percent',
          }
        : { measurementId: q.measurementId, question: q.id, statistic: 'mean', scale: 1, unit: 'count' },
    );
  }
  const rest = [...measured, ...local];
  const pages: string[][] = [demographics.map((q) => q.id)];
  for (let i = 0; i < rest.length; i += QUESTIONS_PER_PAGE) {
    pages.push(rest.slice(i, i + QUESTIONS_PER_PAGE).map((q) => q.id));
  }
  return {
    kind: design.kind,
    catalogueVersion: 'key-features-2013',
    version,
    languages: [...design.languages],
    questions: [...demographics, ...rest],
    pages,
    estimators,
  };
}

/** A question's text in a language, falling back to English visibly (the `lang` says which it is). */
export function questionText(question: Pick<Question, 'texts'>, lang: Lang) {
  return localize(question.texts, lang);
}

/** Is the question asked, given the answers so far? */
export function isRelevant(condition: Condition | undefined, answers: Answers): boolean {
  if (!condition) return true;
  const value = answers[condition.question];
  return typeof value === 'string' && condition.anyOf.includes(value);
}

/** A problem with one answer; `code` is stable for clients and tests. */
export interface AnswerIssue {
  question: string;
  code: 'required' | 'not-a-choice' | 'not-a-number' | 'not-whole' | 'out-of-range' | 'unknown-question';
  message: string;
}

export interface AnswerCheck {
  answers: Answers;
  issues: AnswerIssue[];
}

/**
 * Reads raw answers (form fields or CSV cells, as text) for the given questions: a choice must be one of
 * the codes, a number a plain decimal within range; an empty answer is null, and a required one is an
 * issue. Answers to questions not asked (relevance) are dropped. With `strict`, a field that names no
 * question of the instrument is an issue too.
 * @example checkAnswers(instrument, { sex: 'x' }, ['sex']).issues[0].code // 'not-a-choice'
 */
export function checkAnswers(
  instrument: Instrument,
  raw: Readonly<Record<string, string | undefined>>,
  questionIds: readonly string[] = instrument.questions.map((q) => q.id),
  options: { strict?: boolean; context?: Answers } = {},
): AnswerCheck {
  const byId = new Map(instrument.questions.map((q) => [q.id, q]));
  const answers: Answers = {};
  const issues: AnswerIssue[] = [];
  const known = { ...options.context };
  if (options.strict) {
    for (const key of Object.keys(raw)) {
      if (!byId.has(key))
        issues.push({ question: key, code: 'unknown-question', message: `'${key}' is not a question of this survey` });
    }
  }
  for (const id of questionIds) {
    const question = byId.get(id);
    if (!question) continue;
    const text = (raw[id] ?? '').trim();
    if (!isRelevant(question.relevant, { ...known, ...answers })) {
      answers[id] = null;
      continue;
    }
    if (text === '') {
      answers[id] = null;
      if (question.required) issues.push({ question: id, code: 'required', message: 'an answer is needed' });
      continue;
    }
    if (question.type === 'single') {
      if (!question.choices.some((c) => c.code === text)) {
        issues.push({ question: id, code: 'not-a-choice', message: `'${text}' is not one of the choices` });
        answers[id] = null;
      } else {
        answers[id] = text;
      }
      continue;
    }
    if (!/^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(text)) {
      issues.push({ question: id, code: 'not-a-number', message: `'${text}' is not a number` });
      answers[id] = null;
      continue;
    }
    const value = Number(text);
    if (question.integer && !Number.isInteger(value)) {
      issues.push({ question: id, code: 'not-whole', message: `'${text}' is not a whole number` });
      answers[id] = null;
    } else if (value < question.min || value > question.max) {
      issues.push({
        question: id,
        code: 'out-of-range',
        message: `${text} is outside ${question.min}–${question.max}`,
      });
      answers[id] = null;
    } else {
      answers[id] = value;
    }
  }
  return { answers, issues };
}
