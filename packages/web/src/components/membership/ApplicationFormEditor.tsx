import type { ApplicationDetail, ApplicationForm } from '@lco/core';
import { APPLICATION_WORD_LIMIT, CITY_CHALLENGES, GUIDING_DOCUMENTS } from '@lco/core/membership';
import { countWords } from '@lco/core/words';
import { useId, useState } from 'react';
import {
  Checkbox,
  Label,
  Link,
  NumberField,
  Input as NumberInput,
  Radio,
  RadioGroup,
  TextArea,
  TextField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type ApiError, apiSend, asApiError } from '../../api/client.ts';
import { useLang } from '../../i18n/useLang.ts';
import { BusyButton, FormAlert, FormStatus, TextInput } from '../forms.tsx';
import { WordCount } from '../WordCount.tsx';
import { APPLICATIONS, useMembershipProblem } from './common.tsx';

type Person = NonNullable<ApplicationForm['mayor']>;
type Challenge = (typeof CITY_CHALLENGES)[number];
const RATINGS = ['1', '2', '3', '4', '5'] as const;

/** A number that may still be empty in a draft. */
function NumberInputField({
  label,
  value,
  onChange,
  min = 0,
  max,
  step,
  description,
}: {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  min?: number;
  max?: number;
  step?: number;
  description?: string;
}) {
  const descriptionId = useId();
  return (
    <NumberField
      className="field"
      value={value ?? Number.NaN}
      onChange={(n) => onChange(Number.isNaN(n) ? undefined : n)}
      minValue={min}
      maxValue={max}
      step={step}
      formatOptions={{ useGrouping: false, maximumFractionDigits: 2 }}
      aria-describedby={description ? descriptionId : undefined}
    >
      <Label className="field__label">{label}</Label>
      <NumberInput className="field__input field__input--number" />
      {description ? (
        <span id={descriptionId} className="field__description">
          {description}
        </span>
      ) : null}
    </NumberField>
  );
}

/** A person on the form (the mayor, the focal point): name, title, email, phone. */
function PersonFields({
  legend,
  value,
  onChange,
}: {
  legend: string;
  value: Partial<Person> | undefined;
  onChange: (person: Person | undefined) => void;
}) {
  const { t } = useTranslation();
  const set = (changes: Partial<Person>) => {
    const next = { ...value, ...changes };
    for (const key of Object.keys(next) as (keyof Person)[]) if (next[key] === '') delete next[key];
    // A person without a name is refused by the server, which names the field.
    onChange(Object.keys(next).length > 0 ? (next as Person) : undefined);
  };
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      <div className="membership-form__grid">
        <TextInput
          label={t('networkMembership.form.name')}
          value={value?.name ?? ''}
          onChange={(name) => set({ name })}
        />
        <TextInput
          label={t('networkMembership.form.title')}
          value={value?.title ?? ''}
          onChange={(title) => set({ title })}
        />
        <TextInput
          label={t('networkMembership.form.email')}
          type="email"
          value={value?.email ?? ''}
          onChange={(email) => set({ email })}
        />
        <TextInput
          label={t('networkMembership.form.phone')}
          type="tel"
          value={value?.phone ?? ''}
          onChange={(phone) => set({ phone })}
        />
      </div>
    </fieldset>
  );
}

/** A text of at most 200 words with its live count (counted as the server counts). */
function LimitedText({ label, value, onChange }: { label: string; value: string; onChange: (text: string) => void }) {
  const countId = useId();
  return (
    <TextField className="field" value={value} onChange={onChange}>
      <Label className="field__label">{label}</Label>
      <TextArea className="field__input field__textarea" rows={6} dir="auto" />
      <WordCount words={countWords(value)} limit={APPLICATION_WORD_LIMIT} id={countId} />
    </TextField>
  );
}

/** The name of a field of the form the server says is missing ("challenges.employment", "mayor"). */
export function useFieldName(): (path: string) => string {
  const { t } = useTranslation();
  return (path) => {
    if (path.startsWith('challenges.')) {
      const challenge = path.slice('challenges.'.length) as Challenge;
      return CITY_CHALLENGES.includes(challenge)
        ? t('networkMembership.form.challengeField', { name: t(`networkMembership.challenge.${challenge}`) })
        : path;
    }
    const names: Record<string, string> = {
      commitment: t('networkMembership.form.commitmentShort'),
      'guidingDocuments.beijingDeclaration': t('networkMembership.form.beijingShort'),
      'guidingDocuments.keyFeatures': t('networkMembership.form.keyFeaturesShort'),
      mayor: t('networkMembership.form.mayor'),
      focalPoint: t('networkMembership.form.focalPointEmail'),
      population: t('networkMembership.form.population'),
      areaKm2: t('networkMembership.form.area'),
      'gdpPerCapita.city': t('networkMembership.form.gdpCity'),
      'gdpPerCapita.country': t('networkMembership.form.gdpCountry'),
      'schoolingYears.female': t('networkMembership.form.schoolingFemale'),
      'schoolingYears.male': t('networkMembership.form.schoolingMale'),
      motivation: t('networkMembership.form.motivation'),
      implementation: t('networkMembership.form.implementation'),
    };
    return names[path] ?? path;
  };
}

/**
 * The draft's form, as the paper application asks it: commitment, the Guiding Documents shown in the
 * applicant's language and adopted one by one, the mayor and the focal point, key figures, two texts of at
 * most 200 words, and the city's main challenges rated 1–5. Saved with the version read.
 */
export function ApplicationFormEditor({
  application,
  onSaved,
}: {
  application: ApplicationDetail;
  onSaved: (detail: ApplicationDetail) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const say = useMembershipProblem();
  const [form, setForm] = useState<ApplicationForm>(application.form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState('');
  const set = (changes: Partial<ApplicationForm>) => {
    setDone('');
    setForm((previous) => ({ ...previous, ...changes }));
  };
  const documents = form.guidingDocuments ?? { beijingDeclaration: false, keyFeatures: false, lang };
  const adopt = (doc: 'beijingDeclaration' | 'keyFeatures', adopted: boolean) =>
    // The documents were read in the language they are shown in: the interface's.
    set({ guidingDocuments: { ...documents, [doc]: adopted, lang } });
  const over =
    countWords(form.motivation ?? '') > APPLICATION_WORD_LIMIT ||
    countWords(form.implementation ?? '') > APPLICATION_WORD_LIMIT;

  const save = async () => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setDone('');
    try {
      const saved = await apiSend<ApplicationDetail>('PUT', `${APPLICATIONS}/${application.id}/form`, {
        form,
        expectedVersion: application.version,
      });
      setDone(t('networkMembership.form.saved'));
      onSaved(saved);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="membership-form">
      <fieldset className="fieldset">
        <legend>{t('networkMembership.form.commitmentHeading')}</legend>
        <Checkbox
          className="checkbox"
          isSelected={form.commitment === true}
          onChange={(commitment) => set({ commitment })}
        >
          <span className="checkbox__box" aria-hidden="true" />
          {t('networkMembership.form.commitment')}
        </Checkbox>
        <p>{t('networkMembership.form.guidingIntro')}</p>
        <ul className="plain-list membership-form__documents">
          {(['beijingDeclaration', 'keyFeatures'] as const).map((doc) => (
            <li key={doc}>
              <p>
                <Link href={GUIDING_DOCUMENTS[doc].url} target="_blank" rel="noopener">
                  <span lang={lang}>{GUIDING_DOCUMENTS[doc].title[lang]}</span>
                </Link>
              </p>
              <Checkbox className="checkbox" isSelected={documents[doc] === true} onChange={(v) => adopt(doc, v)}>
                <span className="checkbox__box" aria-hidden="true" />
                {t('networkMembership.form.adopt', { title: GUIDING_DOCUMENTS[doc].title[lang] })}
              </Checkbox>
            </li>
          ))}
        </ul>
      </fieldset>

      <PersonFields
        legend={t('networkMembership.form.mayor')}
        value={form.mayor}
        onChange={(mayor) => set({ mayor })}
      />
      <PersonFields
        legend={t('networkMembership.form.focalPoint')}
        value={form.focalPoint}
        onChange={(focalPoint) => set({ focalPoint })}
      />

      <fieldset className="fieldset">
        <legend>{t('networkMembership.form.figures')}</legend>
        <div className="membership-form__grid">
          <NumberInputField
            label={t('networkMembership.form.population')}
            value={form.population}
            min={1}
            onChange={(population) => set({ population })}
          />
          <NumberInputField
            label={t('networkMembership.form.populationYear')}
            value={form.populationYear}
            min={1990}
            max={2100}
            onChange={(populationYear) => set({ populationYear })}
          />
          <NumberInputField
            label={t('networkMembership.form.area')}
            value={form.areaKm2}
            step={0.1}
            onChange={(areaKm2) => set({ areaKm2 })}
          />
          <NumberInputField
            label={t('networkMembership.form.gdpCity')}
            description={t('networkMembership.form.gdpHint')}
            value={form.gdpPerCapita?.city}
            onChange={(city) => set({ gdpPerCapita: { ...form.gdpPerCapita, city } })}
          />
          <NumberInputField
            label={t('networkMembership.form.gdpCountry')}
            description={t('networkMembership.form.gdpHint')}
            value={form.gdpPerCapita?.country}
            onChange={(country) => set({ gdpPerCapita: { ...form.gdpPerCapita, country } })}
          />
          <NumberInputField
            label={t('networkMembership.form.gdpYear')}
            value={form.gdpPerCapita?.year}
            min={1990}
            max={2100}
            onChange={(year) => set({ gdpPerCapita: { ...form.gdpPerCapita, year } })}
          />
          <NumberInputField
            label={t('networkMembership.form.schoolingFemale')}
            value={form.schoolingYears?.female}
            max={25}
            step={0.1}
            onChange={(female) => set({ schoolingYears: { ...form.schoolingYears, female } })}
          />
          <NumberInputField
            label={t('networkMembership.form.schoolingMale')}
            value={form.schoolingYears?.male}
            max={25}
            step={0.1}
            onChange={(male) => set({ schoolingYears: { ...form.schoolingYears, male } })}
          />
        </div>
      </fieldset>

      <LimitedText
        label={t('networkMembership.form.motivation')}
        value={form.motivation ?? ''}
        onChange={(motivation) => set({ motivation })}
      />
      <LimitedText
        label={t('networkMembership.form.implementation')}
        value={form.implementation ?? ''}
        onChange={(implementation) => set({ implementation })}
      />

      <fieldset className="fieldset">
        <legend>{t('networkMembership.form.challenges')}</legend>
        <p className="field__description">{t('networkMembership.form.challengesHint')}</p>
        {CITY_CHALLENGES.map((challenge) => (
          <RadioGroup
            key={challenge}
            className="membership-rating"
            orientation="horizontal"
            value={form.challenges?.[challenge] === undefined ? null : String(form.challenges[challenge])}
            onChange={(value) => set({ challenges: { ...form.challenges, [challenge]: Number(value) } })}
          >
            <Label className="membership-rating__label">{t(`networkMembership.challenge.${challenge}`)}</Label>
            <div className="membership-rating__options">
              {RATINGS.map((value) => (
                <Radio key={value} value={value} className="membership-rating__option">
                  {value}
                </Radio>
              ))}
            </div>
          </RadioGroup>
        ))}
      </fieldset>

      <div className="form__actions">
        <BusyButton busy={busy} onPress={() => void save()}>
          {t('networkMembership.form.save')}
        </BusyButton>
      </div>
      {over ? (
        <p className="muted">{t('networkMembership.form.overLimit', { limit: APPLICATION_WORD_LIMIT })}</p>
      ) : null}
      {error ? <FormAlert>{say(error)}</FormAlert> : null}
      <FormStatus>{done}</FormStatus>
    </div>
  );
}
