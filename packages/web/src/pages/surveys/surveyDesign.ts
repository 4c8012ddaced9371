import type { CreateSurveyBody, Lang, SurveyKind, SurveyOut, UpdateSurveyBody } from '@lco/core';

/** A question's or a choice's text in each language, as typed (empty strings allowed while editing). */
export type TextDraft = Partial<Record<Lang, string>>;

export interface ChoiceDraft {
  /** Stable React key. */
  key: string;
  /** Kept from the saved design; a new choice gets one from its English text. */
  code?: string;
  texts: TextDraft;
}

export interface QuestionDraft {
  key: string;
  /** Kept from the saved design; a new question gets one from its English text. */
  id?: string;
  type: 'single' | 'number';
  texts: TextDraft;
  choices: ChoiceDraft[];
  min: string;
  max: string;
  integer: boolean;
  /** A local measurement the saved question feeds: not edited here, kept as it is. */
  measurementId?: string;
  levels?: readonly string[];
}

export interface DesignDraft {
  kind: SurveyKind;
  name: string;
  /** The catalogue measurements chosen; null is "every measurement of the kind" (nothing unticked yet). */
  measurements: readonly string[] | null;
  /** District names, one a line. */
  districts: string;
  languages: Lang[];
  questions: QuestionDraft[];
}

/** The limits of the API (SurveyDesignBodySchema in @lco/core). */
export const MAX_LOCAL_QUESTIONS = 30;
export const MAX_CHOICES = 30;

let keys = 0;
const newKey = () => `k${++keys}`;

export const emptyChoice = (): ChoiceDraft => ({ key: newKey(), texts: {} });

export const emptyQuestion = (): QuestionDraft => ({
  key: newKey(),
  type: 'single',
  texts: {},
  choices: [emptyChoice(), emptyChoice()],
  min: '',
  max: '',
  integer: true,
});

export const newDesign = (): DesignDraft => ({
  kind: 'citizen',
  name: '',
  measurements: null,
  districts: '',
  languages: ['en'],
  questions: [],
});

/** The form filled with a saved survey's design. */
export function designOf(survey: SurveyOut): DesignDraft {
  return {
    kind: survey.kind,
    name: survey.name,
    measurements: survey.design.measurements ? [...survey.design.measurements] : null,
    districts: survey.design.districts.map((d) => d.name).join('\n'),
    languages: [...survey.design.languages],
    questions: (survey.design.localQuestions ?? []).map((q) => ({
      key: newKey(),
      id: q.id,
      type: q.type,
      texts: { ...q.texts },
      choices: (q.choices ?? []).map((c) => ({ key: newKey(), code: c.code, texts: { ...c.texts } })),
      min: q.min === undefined ? '' : String(q.min),
      max: q.max === undefined ? '' : String(q.max),
      integer: q.integer ?? false,
      ...(q.measurementId ? { measurementId: q.measurementId } : {}),
      ...(q.levels ? { levels: q.levels } : {}),
    })),
  };
}

/** Tick or untick a measurement; `available` is every measurement the kind can survey, in order. */
export function chooseMeasurement(
  draft: DesignDraft,
  id: string,
  on: boolean,
  available: readonly string[],
): DesignDraft {
  const current = new Set(draft.measurements ?? available);
  if (on) current.add(id);
  else current.delete(id);
  return { ...draft, measurements: available.filter((m) => current.has(m)) };
}

export const isChosen = (draft: DesignDraft, id: string) =>
  draft.measurements === null || draft.measurements.includes(id);

/** Lowercase ASCII letters and digits of a text, joined by `joiner` ("Old Town" → "old-town"). */
function slug(text: string, joiner: '-' | '_', length: number): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .slice(0, length)
    .trim()
    .replaceAll(' ', joiner);
}

/** `wanted`, or `wanted` with a number when it is taken (or empty): "old-town", "old-town-2". */
function unique(wanted: string, fallback: string, taken: Set<string>, joiner: string): string {
  let code = wanted || fallback;
  for (let n = 2; taken.has(code); n++) code = `${wanted || fallback}${joiner}${n}`;
  taken.add(code);
  return code;
}

/** The districts of the text area with their codes: a saved district keeps its code, a new one gets one. */
export function districtsOf(text: string, saved: readonly { code: string; name: string }[] = []) {
  const names = text
    .split(/\n/)
    .map((d) => d.trim())
    .filter(Boolean);
  const kept = new Map(saved.map((d) => [d.name, d.code]));
  const taken = new Set(names.flatMap((n) => (kept.has(n) ? [kept.get(n) as string] : [])));
  return names.map((name, i) => ({
    code: kept.get(name) ?? unique(slug(name, '-', 36), `district-${i + 1}`, taken, '-'),
    name,
  }));
}

function texts(draft: TextDraft) {
  const out: Partial<Record<Lang, string>> = {};
  for (const [lang, text] of Object.entries(draft) as [Lang, string | undefined][]) {
    const trimmed = text?.trim();
    if (trimmed) out[lang] = trimmed;
  }
  return { ...out, en: out.en ?? '' };
}

const number = (text: string) => {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(value) ? undefined : value;
};

type LocalQuestionBody = NonNullable<CreateSurveyBody['localQuestions']>[number];

/** The city's own questions as the API takes them: ids and choice codes made from the English text. */
export function localQuestionsOf(questions: readonly QuestionDraft[]): LocalQuestionBody[] {
  const ids = new Set(questions.flatMap((q) => (q.id ? [q.id] : [])));
  return questions.map((q, i) => {
    const base = slug(q.texts.en ?? '', '_', 34);
    const id = q.id ?? unique(base ? `local_${base}` : '', `local_q${i + 1}`, ids, '_');
    const linked = q.measurementId ? { measurementId: q.measurementId } : {};
    if (q.type === 'number') {
      const min = number(q.min);
      const max = number(q.max);
      return {
        id,
        type: 'number',
        texts: texts(q.texts),
        ...(min === undefined ? {} : { min }),
        ...(max === undefined ? {} : { max }),
        integer: q.integer,
        ...linked,
      };
    }
    const codes = new Set(q.choices.flatMap((c) => (c.code ? [c.code] : [])));
    return {
      id,
      type: 'single',
      texts: texts(q.texts),
      choices: q.choices.map((c, j) => ({
        code: c.code ?? unique(slug(c.texts.en ?? '', '-', 36), `choice-${j + 1}`, codes, '-'),
        texts: texts(c.texts),
      })),
      ...linked,
      ...(q.levels && q.measurementId ? { levels: [...q.levels] } : {}),
    };
  });
}

/** The body that creates the survey: every choice explicit, so the design says what it asks. */
export function createBody(draft: DesignDraft, available: readonly string[]): CreateSurveyBody {
  return {
    kind: draft.kind,
    name: draft.name.trim(),
    measurements: [...(draft.measurements ?? available)],
    districts: districtsOf(draft.districts),
    localQuestions: localQuestionsOf(draft.questions),
    languages: [...draft.languages],
  };
}

/** The same value whatever the order of object keys (the server compares designs as JSON). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

type SavedQuestion = NonNullable<SurveyOut['design']['localQuestions']>[number];

/** A local question as the instrument reads it, defaults filled in (buildInstrument in @lco/core). */
function asAsked(q: LocalQuestionBody | SavedQuestion) {
  const common = { id: q.id, type: q.type, texts: q.texts, measurementId: q.measurementId };
  return q.type === 'number'
    ? { ...common, min: q.min ?? 0, max: q.max ?? 1_000_000, integer: q.integer ?? false }
    : { ...common, choices: q.choices ?? [], levels: q.measurementId ? (q.levels ?? []) : undefined };
}

/**
 * The body that changes a saved design: only what differs from it, so saving an untouched form makes no
 * new instrument version.
 */
export function updateBody(draft: DesignDraft, survey: SurveyOut, available: readonly string[]): UpdateSurveyBody {
  const body: UpdateSurveyBody = {};
  const saved = survey.design;
  if (draft.name.trim() !== survey.name) body.name = draft.name.trim();
  const measurements = [...(draft.measurements ?? available)];
  const before = saved.measurements ?? available;
  if (canonical([...measurements].sort()) !== canonical([...before].sort())) body.measurements = measurements;
  const districts = districtsOf(draft.districts, saved.districts);
  if (canonical(districts) !== canonical(saved.districts)) body.districts = districts;
  const questions = localQuestionsOf(draft.questions);
  if (canonical(questions.map(asAsked)) !== canonical((saved.localQuestions ?? []).map(asAsked))) {
    body.localQuestions = questions;
  }
  if (canonical(draft.languages) !== canonical(saved.languages)) body.languages = [...draft.languages];
  return body;
}

/** Has a wave fielded the version the survey is at? Then a change to the design makes a new version. */
export const fielded = (survey: SurveyOut) => survey.waves.some((w) => w.instrumentVersion === survey.version);

/** What the form can tell before asking the server: a question or choice without its English text, a choice question with fewer than two choices. */
export function draftIssues(draft: DesignDraft): ('english' | 'choices')[] {
  const issues = new Set<'english' | 'choices'>();
  for (const q of draft.questions) {
    if (!q.texts.en?.trim()) issues.add('english');
    if (q.type === 'single') {
      if (q.choices.length < 2) issues.add('choices');
      if (q.choices.some((c) => !c.texts.en?.trim())) issues.add('english');
    }
  }
  return [...issues];
}
