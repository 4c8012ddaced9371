import type { FrameworkResponse, Lang, SurveyOut } from '@lco/core';
import { useEffect, useId, useRef, useState } from 'react';
import { Button, Checkbox, Input, Label, Radio, RadioGroup, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type ApiError, apiSend, asApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { PageError } from '../../components/Access.tsx';
import { BusyButton, FormAlert, FormStatus, useProblem } from '../../components/forms.tsx';
import { LText } from '../../components/LText.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { Loading } from '../../components/Status.tsx';
import { LANGUAGE_NAMES, LANGUAGES } from '../../i18n/i18n.ts';
import { useLang } from '../../i18n/useLang.ts';
import {
  type ChoiceDraft,
  chooseMeasurement,
  createBody,
  type DesignDraft,
  designOf,
  draftIssues,
  emptyChoice,
  emptyQuestion,
  fielded,
  isChosen,
  MAX_CHOICES,
  MAX_LOCAL_QUESTIONS,
  newDesign,
  type QuestionDraft,
  updateBody,
} from './surveyDesign.ts';

const KINDS = ['citizen', 'learner', 'educator'] as const;

type InstrumentResponse = { instrument: SurveyOut['instrument'] };

/** The languages a text is written in: English (the source, always needed), then the survey's others. */
const textLanguages = (languages: readonly Lang[]): Lang[] => ['en', ...languages.filter((l) => l !== 'en')];

/** One text in each language, side by side; the English one is needed. */
function Translations({
  id,
  label,
  languages,
  texts,
  onChange,
}: {
  id: string;
  label: (language: string) => string;
  languages: readonly Lang[];
  texts: Partial<Record<Lang, string>>;
  onChange: (lang: Lang, text: string) => void;
}) {
  return (
    <div className="survey-texts">
      {textLanguages(languages).map((lang) => (
        <TextField
          key={lang}
          className="field"
          value={texts[lang] ?? ''}
          onChange={(text) => onChange(lang, text)}
          isRequired={lang === 'en'}
          maxLength={500}
        >
          <Label className="field__label">{label(LANGUAGE_NAMES[lang])}</Label>
          <Input id={`${id}-${lang}`} className="field__input" lang={lang} dir="auto" />
        </TextField>
      ))}
    </div>
  );
}

/** Move the focus to the element with this id once it is rendered (a row just added). */
function useFocusLater() {
  const [target, setTarget] = useState<string>();
  useEffect(() => {
    if (!target) return;
    document.getElementById(target)?.focus();
    setTarget(undefined);
  }, [target]);
  return setTarget;
}

/** The catalogue measurements the kind can survey, as ticks grouped by focus area, with the question each asks. */
function MeasurementChoice({
  draft,
  onChange,
  available,
  instrument,
}: {
  draft: DesignDraft;
  onChange: (draft: DesignDraft) => void;
  available: readonly string[];
  instrument: SurveyOut['instrument'];
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const framework = useApi<FrameworkResponse>('/framework');
  if (framework.error) return <PageError error={framework.error} onRetry={framework.retry} />;
  if (!framework.data) return <Loading lines={3} />;
  const wanted = new Set(available);
  const questionOf = new Map(instrument.questions.flatMap((q) => (q.measurementId ? [[q.measurementId, q]] : [])));
  const groups = framework.data.areas.flatMap((area) =>
    area.focusAreas.flatMap((focus) => {
      const measurements = focus.features.flatMap((f) => f.measurements).filter((m) => wanted.has(m.id));
      return measurements.length > 0 ? [{ focus, measurements }] : [];
    }),
  );
  const chosen = available.filter((id) => isChosen(draft, id)).length;
  return (
    <fieldset className="survey-measurements">
      <legend>{t('surveys.design.measurements')}</legend>
      <p className="field__description">{t('surveys.design.measurementsHint', { chosen, total: available.length })}</p>
      {groups.map(({ focus, measurements }) => (
        <fieldset key={focus.id} className="survey-measurements__group">
          <legend>
            {focus.id} <LText value={focus.title} />
          </legend>
          {measurements.map((m) => {
            const question = questionOf.get(m.id);
            const asked = question ? (question.texts[lang] ?? question.texts.en) : undefined;
            return (
              <Checkbox
                key={m.id}
                className="checkbox survey-measurement"
                isSelected={isChosen(draft, m.id)}
                onChange={(on) => onChange(chooseMeasurement(draft, m.id, on, available))}
              >
                <span className="checkbox__box" aria-hidden="true" />
                <span>
                  <span className="survey-measurement__id">{m.id}</span> <LText value={m.name} />
                  {asked ? (
                    <span className="survey-measurement__question">
                      {t('surveys.design.asked')} <q lang={question?.texts[lang] ? lang : 'en'}>{asked}</q>
                    </span>
                  ) : null}
                </span>
              </Checkbox>
            );
          })}
        </fieldset>
      ))}
    </fieldset>
  );
}

/** One of the city's own questions: its text, its kind of answer, its choices or its range. */
function LocalQuestionEditor({
  id,
  index,
  question,
  languages,
  onChange,
  onRemove,
}: {
  id: string;
  index: number;
  question: QuestionDraft;
  languages: readonly Lang[];
  onChange: (question: QuestionDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const focusLater = useFocusLater();
  const addChoiceRef = useRef<HTMLButtonElement>(null);
  const n = index + 1;
  const setChoice = (key: string, change: (c: ChoiceDraft) => ChoiceDraft) =>
    onChange({ ...question, choices: question.choices.map((c) => (c.key === key ? change(c) : c)) });
  const addChoice = () => {
    const choice = emptyChoice();
    onChange({ ...question, choices: [...question.choices, choice] });
    focusLater(`${id}-${choice.key}-en`);
  };
  const removeChoice = (key: string) => {
    onChange({ ...question, choices: question.choices.filter((c) => c.key !== key) });
    addChoiceRef.current?.focus();
  };
  return (
    <fieldset className="survey-question">
      <legend>{t('surveys.design.question', { n })}</legend>
      {question.id ? (
        <p className="field__description">
          {t('surveys.design.variable')} <code>{question.id}</code>
          {question.measurementId ? <> · {t('surveys.design.feeds', { id: question.measurementId })}</> : null}
        </p>
      ) : null}
      <Translations
        id={`${id}-text`}
        label={(language) => t('surveys.design.questionText', { language })}
        languages={languages}
        texts={question.texts}
        onChange={(lang, text) => onChange({ ...question, texts: { ...question.texts, [lang]: text } })}
      />
      <RadioGroup
        className="survey-question__type"
        orientation="horizontal"
        value={question.type}
        onChange={(type) => onChange({ ...question, type: type === 'number' ? 'number' : 'single' })}
      >
        <Label className="field__label">{t('surveys.design.answer')}</Label>
        <div className="survey-question__types">
          <Radio value="single" className="survey-radio">
            {t('surveys.design.single')}
          </Radio>
          <Radio value="number" className="survey-radio">
            {t('surveys.design.number')}
          </Radio>
        </div>
      </RadioGroup>
      {question.type === 'single' ? (
        <div className="survey-choices">
          {question.choices.map((choice, i) => (
            <fieldset key={choice.key} className="survey-choice">
              <legend>{t('surveys.design.choice', { n: i + 1 })}</legend>
              <Translations
                id={`${id}-${choice.key}`}
                label={(language) => t('surveys.design.choiceText', { n: i + 1, language })}
                languages={languages}
                texts={choice.texts}
                onChange={(lang, text) => setChoice(choice.key, (c) => ({ ...c, texts: { ...c.texts, [lang]: text } }))}
              />
              <Button
                className="button button--secondary button--small"
                isDisabled={question.choices.length <= 2}
                onPress={() => removeChoice(choice.key)}
              >
                {t('surveys.design.removeChoice', { n: i + 1 })}
              </Button>
            </fieldset>
          ))}
          <Button
            ref={addChoiceRef}
            className="button button--secondary button--small"
            isDisabled={question.choices.length >= MAX_CHOICES}
            onPress={addChoice}
          >
            {t('surveys.design.addChoice')}
          </Button>
        </div>
      ) : (
        <div className="survey-range">
          <TextField
            className="field"
            value={question.min}
            onChange={(min) => onChange({ ...question, min })}
            inputMode="decimal"
          >
            <Label className="field__label">{t('surveys.design.min')}</Label>
            <Input className="year-input" />
          </TextField>
          <TextField
            className="field"
            value={question.max}
            onChange={(max) => onChange({ ...question, max })}
            inputMode="decimal"
          >
            <Label className="field__label">{t('surveys.design.max')}</Label>
            <Input className="year-input" />
          </TextField>
          <Checkbox
            className="checkbox"
            isSelected={question.integer}
            onChange={(integer) => onChange({ ...question, integer })}
          >
            <span className="checkbox__box" aria-hidden="true" />
            {t('surveys.design.integer')}
          </Checkbox>
        </div>
      )}
      <Button className="button button--secondary button--small survey-question__remove" onPress={onRemove}>
        {t('surveys.design.removeQuestion', { n })}
      </Button>
    </fieldset>
  );
}

/** The city's own questions: added and removed row by row, asked after the catalogue's. */
function LocalQuestions({
  id,
  level,
  draft,
  onChange,
}: {
  id: string;
  level: number;
  draft: DesignDraft;
  onChange: (d: DesignDraft) => void;
}) {
  const { t } = useTranslation();
  const Heading = level === 3 ? 'h3' : 'h4';
  const focusLater = useFocusLater();
  const addRef = useRef<HTMLButtonElement>(null);
  const add = () => {
    const question = emptyQuestion();
    onChange({ ...draft, questions: [...draft.questions, question] });
    focusLater(`${id}-${question.key}-text-en`);
  };
  const remove = (key: string) => {
    onChange({ ...draft, questions: draft.questions.filter((q) => q.key !== key) });
    addRef.current?.focus();
  };
  return (
    <section className="survey-local" aria-labelledby={`${id}-local`}>
      <Heading id={`${id}-local`}>{t('surveys.design.local')}</Heading>
      <p className="field__description">{t('surveys.design.localHint')}</p>
      {draft.questions.map((question, i) => (
        <LocalQuestionEditor
          key={question.key}
          id={`${id}-${question.key}`}
          index={i}
          question={question}
          languages={draft.languages}
          onChange={(changed) =>
            onChange({ ...draft, questions: draft.questions.map((q) => (q.key === question.key ? changed : q)) })
          }
          onRemove={() => remove(question.key)}
        />
      ))}
      <Button
        ref={addRef}
        className="button button--secondary"
        isDisabled={draft.questions.length >= MAX_LOCAL_QUESTIONS}
        onPress={add}
      >
        {t('surveys.design.addQuestion')}
      </Button>
    </section>
  );
}

/**
 * A survey's design: for a new survey its kind and name, then the catalogue measurements it asks, the
 * districts, the city's own questions and the languages. With `survey`, it changes that survey's design.
 */
export function SurveyDesign({
  slug,
  survey,
  onSaved,
  title,
  level,
}: {
  slug: string;
  survey?: SurveyOut;
  onSaved: () => void;
  title: string;
  /** The level of the form's heading; its local questions' heading is one below. */
  level: 2 | 3;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const { t } = useTranslation();
  const say = useProblem();
  const id = useId();
  const [saved, setSaved] = useState(survey);
  const [draft, setDraft] = useState<DesignDraft>(() => (survey ? designOf(survey) : newDesign()));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [issues, setIssues] = useState<string[]>([]);
  const [status, setStatus] = useState<string>();
  const instrument = useApi<InstrumentResponse>(`/survey-instruments/${draft.kind}`);
  const available = [
    ...new Set(
      (instrument.data?.instrument.estimators ?? []).map((e) => e.measurementId).filter((m) => !m.startsWith('local-')),
    ),
  ];
  const save = async () => {
    if (busy || !instrument.data) return;
    const problems = draftIssues(draft);
    setIssues(
      problems.map((p) => (p === 'english' ? t('surveys.design.needEnglish') : t('surveys.design.needChoices'))),
    );
    setStatus(undefined);
    setError(undefined);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      if (saved) {
        const after = await apiSend<SurveyOut>(
          'PATCH',
          `/cities/${encodeURIComponent(slug)}/surveys/${encodeURIComponent(saved.id)}`,
          updateBody(draft, saved, available),
        );
        setStatus(
          after.version > saved.version
            ? t('surveys.design.newVersion', { version: after.version, previous: saved.version })
            : t('surveys.design.saved', { version: after.version }),
        );
        setSaved(after);
        setDraft(designOf(after));
      } else {
        await apiSend('POST', `/cities/${encodeURIComponent(slug)}/surveys`, createBody(draft, available));
        setDraft(newDesign());
        setStatus(t('surveys.design.created'));
      }
      onSaved();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby={`${id}-heading`} className="panel survey-design">
      <Heading id={`${id}-heading`}>{title}</Heading>
      {saved ? (
        <p>
          {t(`surveys.kind.${saved.kind}`)} · {t('surveys.version', { version: saved.version })}
        </p>
      ) : (
        <>
          <p>{t('surveys.create.intro')}</p>
          <SelectField
            label={t('surveys.create.kind')}
            options={KINDS.map((k) => ({ id: k, text: t(`surveys.kind.${k}`) }))}
            value={draft.kind}
            onChange={(kind) =>
              setDraft((d) => ({ ...d, kind: KINDS.find((k) => k === kind) ?? d.kind, measurements: null }))
            }
          />
        </>
      )}
      {saved && fielded(saved) ? (
        <p className="notice">{t('surveys.design.fielded', { version: saved.version, next: saved.version + 1 })}</p>
      ) : null}
      <TextField className="field" value={draft.name} onChange={(name) => setDraft((d) => ({ ...d, name }))} isRequired>
        <Label className="field__label">{t('surveys.create.name')}</Label>
        <Input className="field__input" />
      </TextField>
      <TextField
        className="field"
        value={draft.districts}
        onChange={(districts) => setDraft((d) => ({ ...d, districts }))}
        isRequired
      >
        <Label className="field__label">{t('surveys.create.districts')}</Label>
        <TextArea className="field__input" rows={4} />
        {saved ? (
          <Text slot="description" className="field__description">
            {t('surveys.design.districtsHint')}
          </Text>
        ) : null}
      </TextField>
      <fieldset className="survey-langs">
        <legend>{t('surveys.create.languages')}</legend>
        {LANGUAGES.map((lang) => (
          <Checkbox
            key={lang}
            className="checkbox"
            isSelected={draft.languages.includes(lang)}
            onChange={(on) =>
              setDraft((d) => ({
                ...d,
                // The first language is the respondents' default: a language ticked later goes after it.
                languages: on ? [...d.languages, lang] : d.languages.filter((l) => l !== lang),
              }))
            }
          >
            <span className="checkbox__box" aria-hidden="true" />
            <span lang={lang}>{LANGUAGE_NAMES[lang]}</span>
          </Checkbox>
        ))}
      </fieldset>
      {instrument.error ? (
        <PageError error={instrument.error} onRetry={instrument.retry} />
      ) : !instrument.data ? (
        <Loading lines={3} />
      ) : (
        <MeasurementChoice
          draft={draft}
          onChange={setDraft}
          available={available}
          instrument={instrument.data.instrument}
        />
      )}
      <LocalQuestions id={id} level={level + 1} draft={draft} onChange={setDraft} />
      <BusyButton busy={busy} onPress={() => void save()}>
        {saved ? t('surveys.design.save') : t('surveys.create.button')}
      </BusyButton>
      {issues.length > 0 ? <FormAlert>{issues.join(' ')}</FormAlert> : null}
      {error ? <FormAlert>{say.message(error)}</FormAlert> : null}
      <FormStatus>{status}</FormStatus>
    </section>
  );
}
