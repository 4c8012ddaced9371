import type { BreakdownDimension, Polarity, Unit } from '@lco/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import {
  Button,
  Checkbox,
  DialogTrigger,
  FieldError,
  Form,
  Input,
  Label,
  Text,
  TextArea,
  TextField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type ApiError, apiSend, asApiError } from '../../api/client.ts';
import { BusyButton, FormAlert, FormStatus, SubmitButton, useProblem } from '../../components/forms.tsx';
import { AppModal } from '../../components/Modal.tsx';
import { ServerDetail } from '../../components/monitoring/cycle.tsx';
import {
  BREAKDOWN_DIMENSIONS,
  type LocalMeasurement,
  localMeasurementsPath,
  localName,
} from '../../components/monitoring/local.ts';
import { useBreakdownLabel } from '../../components/monitoring/progress.tsx';
import { type Option, SelectField } from '../../components/SelectField.tsx';
import { useLang } from '../../i18n/useLang.ts';
import type { EntryMeasurement } from './DataEntry.tsx';

const UNITS: readonly Unit[] = [
  'percent',
  'per-100k',
  'count',
  'usd-ppp',
  'tonnes-per-capita',
  'kg-per-capita',
  'years',
  'hours-per-week',
  'visits-per-month',
  'ratio',
  'rating-1-5',
];
const POLARITIES: readonly Polarity[] = ['higher-better', 'lower-better', 'none'];

/** A local measurement as data entry shows it: its name in the interface language where the city gave one. */
export function localEntry(m: LocalMeasurement, lang: string): EntryMeasurement {
  const name = localName(m, lang);
  return {
    id: m.id,
    unit: m.unit,
    range: m.range,
    breakdowns: m.breakdowns,
    nameText: name.text,
    name: <bdi lang={name.lang}>{name.text}</bdi>,
    definition: <span dir="auto">{m.definition}</span>,
    source: null,
    local: true,
  };
}

interface NameRow {
  key: number;
  lang: string;
  text: string;
}

interface Draft {
  id: string;
  names: NameRow[];
  definition: string;
  unit: string;
  polarity: string;
  /** Category codes by dimension, as typed (comma-separated), 'total' left out. */
  breakdowns: Record<BreakdownDimension, string>;
  /** Whether the values have a total beside their parts (always so without breakdowns). */
  total: boolean;
}

function draftOf(m: LocalMeasurement | undefined, lang: string): Draft {
  const names = m ? Object.entries(m.names) : [[lang, '']];
  const categories = (dimension: BreakdownDimension) =>
    m?.breakdowns
      .find((b) => b.dimension === dimension)
      ?.categories.filter((c) => c !== 'total')
      .join(', ') ?? '';
  return {
    id: m?.id ?? '',
    names: names.map(([tag = '', text = ''], key) => ({ key, lang: tag, text })),
    definition: m?.definition ?? '',
    unit: m?.unit ?? '',
    polarity: m?.polarity ?? 'higher-better',
    breakdowns: {
      sex: categories('sex'),
      setting: categories('setting'),
      sector: categories('sector'),
      level: categories('level'),
    },
    total: !m || m.breakdowns.length === 0 || m.breakdowns.some((b) => b.categories.includes('total')),
  };
}

function bodyOf(draft: Draft) {
  return {
    names: Object.fromEntries(
      draft.names.filter((n) => n.lang.trim() && n.text.trim()).map((n) => [n.lang.trim(), n.text.trim()]),
    ),
    definition: draft.definition.trim(),
    unit: draft.unit,
    polarity: draft.polarity,
    breakdowns: BREAKDOWN_DIMENSIONS.flatMap((dimension) => {
      const categories = draft.breakdowns[dimension]
        .split(/[,،、，;]/)
        .map((c) => c.trim().toLowerCase())
        .filter((c) => c && c !== 'total');
      if (categories.length === 0) return [];
      return [{ dimension, categories: draft.total ? [...categories, 'total'] : categories }];
    }),
  };
}

/** The server's field errors grouped by the part of the form they belong to (names.fr → names). */
function groupErrors(error: ApiError | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { field, message } of error?.problem?.errors ?? []) {
    const group = field.split('.')[0] ?? field;
    out[group] = out[group] ? `${out[group]}; ${message}` : message;
  }
  return out;
}

/** Define a new local measurement, or change one: the same form, in a dialog. */
function LocalForm({
  slug,
  existing,
  onDone,
  close,
}: {
  slug: string;
  existing: LocalMeasurement | undefined;
  onDone: (m: LocalMeasurement) => void;
  close: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const problem = useProblem();
  const [draft, setDraft] = useState<Draft>(() => draftOf(existing, lang));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  // The parts of the form changed since the server's answer: their errors no longer apply.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const update = (changes: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...changes }));
    setEdited((previous) => new Set([...previous, ...Object.keys(changes)]));
  };
  const setName = (key: number, changes: Partial<NameRow>) =>
    update({ names: draft.names.map((n) => (n.key === key ? { ...n, ...changes } : n)) });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setEdited(new Set());
    try {
      const body = bodyOf(draft);
      const saved = existing
        ? await apiSend<LocalMeasurement>('PATCH', `${localMeasurementsPath(slug)}/${existing.id}`, body)
        : await apiSend<LocalMeasurement>('POST', localMeasurementsPath(slug), {
            ...body,
            id: draft.id.trim() || undefined,
          });
      close();
      onDone(saved);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const errors = Object.fromEntries(Object.entries(groupErrors(error)).filter(([group]) => !edited.has(group)));
  const say = (field: string, own: string) => (errors[field] ? own : undefined);
  const unitOptions: Option[] = UNITS.map((u) => ({ id: u, text: t(`unit.${u}`) }));
  const polarityOptions: Option[] = POLARITIES.map((p) => ({ id: p, text: t(`polarity.${p}`) }));
  const known = error?.problem?.errors?.length ? Object.keys(errors) : [];
  const unplaced = known.filter((f) => !['id', 'names', 'definition', 'unit', 'polarity', 'breakdowns'].includes(f));

  return (
    <Form className="form local-form" onSubmit={submit} validationBehavior="aria">
      {error && (!error.problem?.errors?.length || unplaced.length > 0) ? (
        <FormAlert>
          {error.status === 409 ? (
            <ServerDetail lead={t('monitoring.local.refused')} detail={error.problem?.detail} />
          ) : (
            problem.message(error)
          )}
        </FormAlert>
      ) : error ? (
        <FormAlert>{t('form.checkFields')}</FormAlert>
      ) : null}

      <fieldset className="local-form__names">
        <legend className="field__label">{t('monitoring.local.names')}</legend>
        <p className="field__description">{t('monitoring.local.namesHint')}</p>
        {draft.names.map((row, i) => (
          <div key={row.key} className="local-form__name">
            <TextField
              className="field local-form__lang"
              value={row.lang}
              onChange={(value) => setName(row.key, { lang: value })}
            >
              <Label className="field__label">{t('monitoring.local.language', { n: i + 1 })}</Label>
              <Input className="field__input" dir="ltr" autoComplete="off" />
            </TextField>
            <TextField
              className="field"
              value={row.text}
              onChange={(value) => setName(row.key, { text: value })}
              isInvalid={Boolean(errors.names) && i === 0}
            >
              <Label className="field__label">{t('monitoring.local.name', { n: i + 1 })}</Label>
              <Input className="field__input" dir="auto" lang={row.lang || undefined} />
              {i === 0 ? (
                <FieldError className="field__error">{say('names', t('monitoring.local.errorNames'))}</FieldError>
              ) : null}
            </TextField>
            {draft.names.length > 1 ? (
              <Button
                className="text-link-button local-form__remove"
                onPress={() => update({ names: draft.names.filter((n) => n.key !== row.key) })}
              >
                {t('monitoring.local.removeName', { n: i + 1 })}
              </Button>
            ) : null}
          </div>
        ))}
        <Button
          className="button button--small button--secondary"
          onPress={() =>
            update({
              names: [...draft.names, { key: Math.max(0, ...draft.names.map((n) => n.key)) + 1, lang: '', text: '' }],
            })
          }
        >
          {t('monitoring.local.addName')}
        </Button>
      </fieldset>

      {existing ? null : (
        <TextField className="field" value={draft.id} onChange={(id) => update({ id })} isInvalid={Boolean(errors.id)}>
          <Label className="field__label">{t('monitoring.local.id')}</Label>
          <Input className="field__input" dir="ltr" autoComplete="off" placeholder="local-" />
          <Text slot="description" className="field__description">
            {t('monitoring.local.idHint')}
          </Text>
          <FieldError className="field__error">{say('id', t('monitoring.local.errorId'))}</FieldError>
        </TextField>
      )}

      <TextField
        className="field"
        value={draft.definition}
        onChange={(definition) => update({ definition })}
        isInvalid={Boolean(errors.definition)}
      >
        <Label className="field__label">{t('monitoring.local.definition')}</Label>
        <TextArea className="field__input field__textarea" rows={3} dir="auto" />
        <FieldError className="field__error">{say('definition', t('form.required'))}</FieldError>
      </TextField>

      <SelectField
        label={t('monitoring.local.unit')}
        options={unitOptions}
        value={draft.unit}
        onChange={(unit) => update({ unit })}
        description={existing ? t('monitoring.local.unitHint') : undefined}
        errorMessage={errors.unit ? t('form.choose') : undefined}
      />
      <SelectField
        label={t('monitoring.local.polarity')}
        options={polarityOptions}
        value={draft.polarity}
        onChange={(polarity) => update({ polarity })}
      />

      <fieldset className="local-form__breakdowns">
        <legend className="field__label">{t('monitoring.local.breakdowns')}</legend>
        <p className="field__description">{t('monitoring.local.breakdownsHint')}</p>
        {BREAKDOWN_DIMENSIONS.map((dimension) => (
          <TextField
            key={dimension}
            className="field"
            value={draft.breakdowns[dimension]}
            onChange={(value) => update({ breakdowns: { ...draft.breakdowns, [dimension]: value } })}
            isInvalid={Boolean(errors.breakdowns)}
          >
            <Label className="field__label">{t(`breakdown.dimension.${dimension}`)}</Label>
            <Input className="field__input" dir="ltr" autoComplete="off" placeholder={EXAMPLES[dimension]} />
          </TextField>
        ))}
        <Checkbox className="checkbox" isSelected={draft.total} onChange={(total) => update({ total })}>
          <span className="checkbox__box" aria-hidden="true" />
          {t('monitoring.local.withTotal')}
        </Checkbox>
        {errors.breakdowns ? (
          <p className="field__error">
            <ServerDetail lead={t('monitoring.local.errorBreakdowns')} detail={errors.breakdowns} />
          </p>
        ) : null}
      </fieldset>

      <div className="dialog__actions">
        <Button className="button button--secondary" onPress={close}>
          {t('monitoring.local.cancel')}
        </Button>
        <SubmitButton busy={busy}>
          {existing ? t('monitoring.local.saveChanges') : t('monitoring.local.define')}
        </SubmitButton>
      </div>
    </Form>
  );
}

/** Category codes the catalogue uses, as examples (a city may use its own). */
const EXAMPLES: Record<BreakdownDimension, string> = {
  sex: 'male, female',
  setting: 'schools, community-learning-spaces',
  sector: 'public, private',
  level: 'primary, secondary, tertiary',
};

function DeleteButton({
  slug,
  measurement,
  name,
  onDeleted,
}: {
  slug: string;
  measurement: LocalMeasurement;
  name: string;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const problem = useProblem();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const remove = async (close: () => void) => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await apiSend('DELETE', `${localMeasurementsPath(slug)}/${measurement.id}`);
      close();
      onDeleted();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <DialogTrigger onOpenChange={() => setError(undefined)}>
      <Button className="text-link-button">
        {t('monitoring.local.delete')}
        <span className="visually-hidden"> — {name}</span>
      </Button>
      <AppModal title={t('monitoring.local.deleteTitle')} role="alertdialog">
        {(close) => (
          <>
            <p>{t('monitoring.local.deleteText', { id: measurement.id, name })}</p>
            {error ? (
              <FormAlert>
                {error.status === 409 ? (
                  <ServerDetail lead={t('monitoring.local.inUse')} detail={error.problem?.detail} />
                ) : (
                  problem.message(error)
                )}
              </FormAlert>
            ) : null}
            <div className="dialog__actions">
              <Button className="button button--secondary" onPress={close} autoFocus>
                {t('monitoring.local.cancel')}
              </Button>
              <BusyButton className="button button--danger" busy={busy} onPress={() => void remove(close)}>
                {t('monitoring.local.delete')}
              </BusyButton>
            </div>
          </>
        )}
      </AppModal>
    </DialogTrigger>
  );
}

function FormButton({
  slug,
  existing,
  onDone,
  children,
}: {
  slug: string;
  existing?: LocalMeasurement;
  onDone: (m: LocalMeasurement) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      {children}
      <AppModal
        title={existing ? t('monitoring.local.editTitle', { id: existing.id }) : t('monitoring.local.newTitle')}
      >
        {(close) => <LocalForm slug={slug} existing={existing} onDone={onDone} close={close} />}
      </AppModal>
    </DialogTrigger>
  );
}

/**
 * The city's own measurements: listed for the whole team; defined, changed and deleted by its
 * coordinator (the server refuses anyone else, and a deletion while values or evidence use one).
 */
export function LocalMeasurements({
  slug,
  items,
  coordinator,
  onChanged,
}: {
  slug: string;
  items: readonly LocalMeasurement[];
  coordinator: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const breakdownLabel = useBreakdownLabel();
  const [done, setDone] = useState('');
  const changed = (message: string) => {
    setDone(message);
    onChanged();
  };

  return (
    <div className="local">
      {items.length === 0 ? <p>{t('monitoring.local.none')}</p> : null}
      <ul className="local__list plain-list">
        {items.map((m) => {
          const name = localName(m, lang);
          const keys = m.breakdownKeys.filter((k) => k !== 'total');
          return (
            <li key={m.id} className="local__item">
              <h3 className="local__title">
                <span className="code">{m.id}</span> <bdi lang={name.lang}>{name.text}</bdi>{' '}
                <span className="badge badge--local">{t('monitoring.local.badge')}</span>
              </h3>
              <p dir="auto">{m.definition}</p>
              <p className="local__meta">
                {t(`unit.${m.unit}`)}
                {' · '}
                {t(`polarity.${m.polarity}`)}
                {' · '}
                {keys.length === 0
                  ? t('measurement.noBreakdown')
                  : keys.map(breakdownLabel).join(t('common.listSeparator'))}
              </p>
              <p className="local__names">
                {Object.entries(m.names).map(([tag, text]) => (
                  <span key={tag} className="local__name">
                    <code>{tag}</code> <bdi lang={tag}>{text}</bdi>
                  </span>
                ))}
              </p>
              {coordinator ? (
                <p className="local__actions">
                  <FormButton
                    slug={slug}
                    existing={m}
                    onDone={(saved) => changed(t('monitoring.local.saved', { name: localName(saved, lang).text }))}
                  >
                    <Button className="text-link-button">
                      {t('monitoring.local.edit')}
                      <span className="visually-hidden"> — {name.text}</span>
                    </Button>
                  </FormButton>
                  <DeleteButton
                    slug={slug}
                    measurement={m}
                    name={name.text}
                    onDeleted={() => changed(t('monitoring.local.deleted', { name: name.text }))}
                  />
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {coordinator ? (
        <FormButton
          slug={slug}
          onDone={(saved) => changed(t('monitoring.local.created', { name: localName(saved, lang).text }))}
        >
          <Button className="button">{t('monitoring.local.new')}</Button>
        </FormButton>
      ) : (
        <p className="muted">{t('monitoring.local.coordinatorOnly')}</p>
      )}
      <FormStatus>{done}</FormStatus>
    </div>
  );
}
