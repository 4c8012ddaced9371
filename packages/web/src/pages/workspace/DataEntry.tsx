import type { CycleDetail, FocusAreaOut, FrameworkResponse, MeasurementOut, ObservationOut } from '@lco/core';
import { breakdownKeys } from '@lco/core/observation-rules';
import { type FocusEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import {
  Button,
  Checkbox,
  FieldError,
  Input,
  Label,
  NumberField,
  Tab,
  TabList,
  TabPanel,
  Tabs,
  Text,
  TextArea,
  TextField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type ApiError, apiGet, apiSend, apiUrl, asApiError } from '../../api/client.ts';
import { useProblem } from '../../components/forms.tsx';
import { LText } from '../../components/LText.tsx';
import { observationPath, ServerDetail } from '../../components/monitoring/cycle.tsx';
import { useBreakdownLabel, useValueFormat } from '../../components/monitoring/progress.tsx';
import { Time } from '../../components/roles.tsx';
import { type EvidenceState, MeasurementEvidence } from './Evidence.tsx';

/**
 * What data entry needs of a measurement, whether one of the catalogue's or one of the city's own.
 * `name` and `definition` are ready to show; `nameText` is the plain name for labels.
 */
export interface EntryMeasurement extends Pick<MeasurementOut, 'id' | 'unit' | 'range' | 'breakdowns'> {
  nameText: string;
  name: ReactNode;
  definition: ReactNode;
  /** The catalogue's source of data; null for a local measurement. */
  source: MeasurementOut['source'] | null;
  local: boolean;
}

export function catalogueEntry(m: MeasurementOut): EntryMeasurement {
  return {
    id: m.id,
    unit: m.unit,
    range: m.range,
    breakdowns: m.breakdowns,
    nameText: m.name.text,
    name: <LText value={m.name} />,
    definition: <LText value={m.definition} />,
    source: m.source,
    local: false,
  };
}

/** Measurements whose value names the election it comes from (core's ELECTION_MEASUREMENTS). */
const ELECTION_MEASUREMENTS = new Set(['1.1.2a']);

interface Draft {
  value: number;
  sourceDetail: string;
  note: string;
  electionYear: number;
  confirm: boolean;
}

function draftOf(saved: ObservationOut | undefined): Draft {
  return {
    value: saved ? Number(saved.value) : Number.NaN,
    sourceDetail: saved?.sourceDetail ?? '',
    note: saved?.note ?? '',
    electionYear: saved?.electionYear ?? Number.NaN,
    confirm: saved?.warningsConfirmed ?? false,
  };
}

const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));

function isDirty(draft: Draft, saved: ObservationOut | undefined): boolean {
  const base = draftOf(saved);
  return (
    !same(draft.value, base.value) ||
    draft.sourceDetail.trim() !== base.sourceDetail ||
    draft.note.trim() !== base.note ||
    !same(draft.electionYear, base.electionYear) ||
    (saved !== undefined && draft.confirm !== base.confirm)
  );
}

type RowStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'invalid' }
  | { kind: 'failed'; message: string }
  /** Someone else saved (or removed) the value meanwhile: theirs, as the server has it now. */
  | { kind: 'conflict'; theirs: ObservationOut | null };

export interface EntryContext {
  slug: string;
  year: number;
  editable: boolean;
  /** This year's values as saved, by measurement and breakdown. */
  observation: (measurementId: string, breakdown: string) => ObservationOut | undefined;
  /** Last year's values, for comparison. */
  previous: (measurementId: string, breakdown: string) => ObservationOut | undefined;
  /** A value was saved (or removed: null) here. */
  onSaved: (measurementId: string, breakdown: string, saved: ObservationOut | null) => void;
  /** Polite announcement for screen readers (one live region for the whole form). */
  announce: (text: string) => void;
  comments: CycleDetail['comments'];
  /** The cycle's evidence, shown and added per measurement. */
  evidence: EvidenceState;
}

/** Id of a value's row, for links from the warnings list. */
export const rowId = (measurementId: string, breakdown: string) =>
  `entry-${measurementId}-${breakdown.replace(':', '-')}`;

/**
 * One value: number (with the unit), source, note, the election year where needed. It saves when the
 * focus leaves the row or on Enter, naming the version it read: a concurrent save is shown, never
 * overwritten. The server's field errors show beside their fields; warnings ask for a confirmation.
 */
function ObservationRow({
  measurement,
  breakdown,
  context,
}: {
  measurement: EntryMeasurement;
  breakdown: string;
  context: EntryContext;
}) {
  const { t } = useTranslation();
  const format = useValueFormat();
  const problem = useProblem();
  const breakdownLabel = useBreakdownLabel();
  const saved = context.observation(measurement.id, breakdown);
  const previous = context.previous(measurement.id, breakdown);
  const [draft, setDraft] = useState<Draft>(() => draftOf(saved));
  const current = useRef(draft);
  const base = useRef(saved);
  const [status, setStatus] = useState<RowStatus>({ kind: 'idle' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const busy = useRef(false);
  // The draft the server last refused: leaving the row again does not send it again unchanged.
  const refused = useRef<Draft | null>(null);
  const id = rowId(measurement.id, breakdown);
  const label = `${measurement.id} ${measurement.nameText} — ${breakdownLabel(breakdown)}`;
  const election = ELECTION_MEASUREMENTS.has(measurement.id);
  const readOnly = !context.editable;

  // A value that changed elsewhere (a reload, an import) replaces an untouched draft.
  useEffect(() => {
    if (saved === base.current) return;
    const untouched = !isDirty(current.current, base.current);
    base.current = saved;
    if (untouched) {
      current.current = draftOf(saved);
      setDraft(current.current);
    }
  }, [saved]);

  const update = (changes: Partial<Draft>) => {
    current.current = { ...current.current, ...changes };
    setDraft(current.current);
  };

  const fail = (error: ApiError) => {
    if (error.status === 400 && error.problem?.errors?.length) {
      refused.current = current.current;
      const fields: Record<string, string> = {};
      for (const { field, message } of error.problem.errors) fields[field] = fieldMessage(field, message);
      setErrors(fields);
      setStatus({ kind: 'invalid' });
      context.announce(t('monitoring.entry.announceInvalid', { field: label }));
      return;
    }
    setStatus({ kind: 'failed', message: problem.message(error) });
  };

  /** Ask the server what it has now, after a conflict. */
  const showConflict = async () => {
    try {
      const detail = await apiGet<CycleDetail>(
        apiUrl(`/cities/${encodeURIComponent(context.slug)}/cycles/${context.year}`),
        undefined,
        { keep: false },
      );
      const theirs =
        detail.observations.find((o) => o.measurementId === measurement.id && o.breakdown === breakdown) ?? null;
      setStatus({ kind: 'conflict', theirs });
      context.announce(t('monitoring.entry.announceConflict', { field: label }));
    } catch (error) {
      fail(asApiError(error));
    }
  };

  const save = async () => {
    const d = current.current;
    const before = base.current;
    if (readOnly || busy.current || !isDirty(d, before) || refused.current === d) return;
    busy.current = true;
    setStatus({ kind: 'saving' });
    try {
      const path = observationPath(context.slug, context.year, measurement.id, breakdown);
      if (Number.isNaN(d.value) && !before) {
        // Nothing saved and nothing typed: only the other fields were touched.
        setStatus({ kind: 'idle' });
      } else if (Number.isNaN(d.value) && before) {
        // An emptied field removes the saved value.
        await apiSend('DELETE', path, undefined, { version: before.version });
        base.current = undefined;
        context.onSaved(measurement.id, breakdown, null);
        current.current = draftOf(undefined);
        setDraft(current.current);
        context.announce(t('monitoring.entry.announceRemoved', { field: label }));
        setStatus({ kind: 'saved' });
      } else {
        const result = await apiSend<ObservationOut>('PUT', path, {
          value: d.value,
          sourceDetail: d.sourceDetail.trim(),
          note: d.note.trim() || undefined,
          electionYear: election && !Number.isNaN(d.electionYear) ? d.electionYear : undefined,
          confirmWarnings: d.confirm,
          expectedVersion: before?.version ?? null,
        });
        base.current = result;
        context.onSaved(measurement.id, breakdown, result);
        context.announce(t('monitoring.entry.announceSaved', { field: label }));
        setStatus({ kind: 'saved' });
      }
      setErrors({});
    } catch (error) {
      const apiError = asApiError(error);
      if (apiError.status === 409 && !/cannot be changed now/.test(apiError.message)) {
        // Leaving the row again does not send the same draft into the same conflict.
        refused.current = d;
        await showConflict();
      } else fail(apiError);
    } finally {
      busy.current = false;
    }
  };

  const onRowBlur = (event: FocusEvent<HTMLDivElement>) => {
    // Only when the focus leaves the whole row: moving from the value to its source is not "done".
    if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
    void save();
  };
  // After the field's own Enter handling (a number field commits its text then), hence the timeout.
  const onEnter = (event: { key: string; target: EventTarget | null }) => {
    if (event.key === 'Enter' && !(event.target instanceof HTMLTextAreaElement)) {
      window.setTimeout(() => void save(), 0);
    }
  };

  const takeTheirs = (theirs: ObservationOut | null) => {
    base.current = theirs ?? undefined;
    context.onSaved(measurement.id, breakdown, theirs);
    current.current = draftOf(theirs ?? undefined);
    setDraft(current.current);
    setErrors({});
    setStatus({ kind: 'idle' });
  };
  const keepMine = (theirs: ObservationOut | null) => {
    // Save again on top of their version: a deliberate overwrite, after seeing their value.
    base.current = theirs ?? undefined;
    refused.current = null;
    context.onSaved(measurement.id, breakdown, theirs);
    void save();
  };

  /** The server's field messages (English) in the interface language where they are known. */
  function fieldMessage(field: string, message: string): string {
    if (field === 'value' && /^must be between/.test(message)) {
      const { min, max } = measurement.range;
      return max === null
        ? t('monitoring.entry.errorMin', { min: format.number(min) })
        : t('monitoring.entry.errorRange', { min: format.number(min), max: format.number(max) });
    }
    if (field === 'value') return t('monitoring.entry.errorNumber');
    if (field === 'sourceDetail') return t('monitoring.entry.errorSource');
    if (field === 'electionYear') {
      const years = /from (\d+) to (\d+)/.exec(message);
      return years
        ? t('monitoring.entry.errorElectionRange', {
            from: format.year(Number(years[1])),
            to: format.year(Number(years[2])),
          })
        : t('monitoring.entry.errorElection');
    }
    return message;
  }

  const warnings = saved && !saved.warningsConfirmed ? saved.warnings : [];
  const confirmable = (saved?.warnings.length ?? 0) > 0;
  const unit = t(`unit.${measurement.unit}`);
  const dirty = isDirty(draft, saved);

  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset cannot carry the row's blur and Enter handling as cleanly.
    <div
      id={id}
      className={`entry-row${warnings.length > 0 ? ' entry-row--warning' : ''}`}
      role="group"
      aria-labelledby={`${id}-label`}
      onBlur={onRowBlur}
      onKeyDown={onEnter}
    >
      <p className="entry-row__label" id={`${id}-label`}>
        <span className="visually-hidden">
          {measurement.id} {measurement.name} —{' '}
        </span>
        {breakdownLabel(breakdown)}
      </p>
      <div className="entry-row__fields">
        <NumberField
          className="field entry-row__value"
          value={draft.value}
          onChange={(value) => update({ value })}
          isReadOnly={readOnly}
          isInvalid={Boolean(errors.value)}
          validationBehavior="aria"
          formatOptions={{ maximumFractionDigits: 6 }}
          onKeyDown={onEnter}
        >
          <Label className="field__label">{t('monitoring.entry.value')}</Label>
          <Input className="field__input" />
          <Text slot="description" className="field__description">
            {unit}
            <br />
            {previous
              ? t('monitoring.entry.lastYear', {
                  year: format.year(previous.year),
                  value: format.withUnit(previous.value, measurement.unit),
                })
              : t('monitoring.entry.noLastYear')}
          </Text>
          <FieldError className="field__error">{errors.value}</FieldError>
        </NumberField>
        <TextField
          className="field entry-row__source"
          value={draft.sourceDetail}
          onChange={(sourceDetail) => update({ sourceDetail })}
          isReadOnly={readOnly}
          isInvalid={Boolean(errors.sourceDetail)}
          validationBehavior="aria"
        >
          <Label className="field__label">{t('monitoring.entry.source')}</Label>
          <Input className="field__input" dir="auto" />
          <FieldError className="field__error">{errors.sourceDetail}</FieldError>
        </TextField>
        <TextField
          className="field entry-row__note"
          value={draft.note}
          onChange={(note) => update({ note })}
          isReadOnly={readOnly}
          isInvalid={Boolean(errors.note)}
          validationBehavior="aria"
        >
          <Label className="field__label">{t('monitoring.entry.note')}</Label>
          <TextArea className="field__input field__textarea" rows={1} dir="auto" />
          <FieldError className="field__error">{errors.note}</FieldError>
        </TextField>
        {election ? (
          <NumberField
            className="field entry-row__election"
            value={draft.electionYear}
            onChange={(electionYear) => update({ electionYear })}
            isReadOnly={readOnly}
            isInvalid={Boolean(errors.electionYear)}
            validationBehavior="aria"
            formatOptions={{ useGrouping: false, maximumFractionDigits: 0 }}
            onKeyDown={onEnter}
          >
            <Label className="field__label">{t('monitoring.entry.electionYear')}</Label>
            <Input className="field__input" />
            <FieldError className="field__error">{errors.electionYear}</FieldError>
          </NumberField>
        ) : null}
      </div>

      {Object.entries(errors)
        .filter(([field]) => !['value', 'sourceDetail', 'note', 'electionYear'].includes(field))
        .map(([field, message]) => (
          <p key={field} className="field__error">
            {message}
          </p>
        ))}

      {confirmable && !readOnly ? (
        <div className={warnings.length > 0 ? 'entry-warning' : 'entry-warning entry-warning--confirmed'}>
          {warnings.length > 0 ? (
            <ul className="plain-list">
              {warnings.map((w) => (
                <li key={w.code}>
                  <span aria-hidden="true">⚠ </span>
                  <WarningText code={w.code} message={w.message} />
                </li>
              ))}
            </ul>
          ) : null}
          <Checkbox
            className="checkbox"
            isSelected={draft.confirm}
            onChange={(confirm) => {
              update({ confirm });
              void save();
            }}
          >
            <span className="checkbox__box" aria-hidden="true" />
            {t('monitoring.entry.confirm')}
          </Checkbox>
        </div>
      ) : null}

      {status.kind === 'conflict' ? (
        <div className="entry-conflict" role="alert">
          <p>
            {status.theirs
              ? t('monitoring.entry.conflict', {
                  value: format.withUnit(status.theirs.value, measurement.unit),
                  source: status.theirs.sourceDetail,
                })
              : t('monitoring.entry.conflictRemoved')}
          </p>
          <div className="entry-conflict__actions">
            <Button className="button button--small" onPress={() => takeTheirs(status.theirs)}>
              {t('monitoring.entry.takeTheirs')}
            </Button>
            <Button className="button button--small button--secondary" onPress={() => keepMine(status.theirs)}>
              {t('monitoring.entry.keepMine')}
            </Button>
          </div>
        </div>
      ) : null}

      <p className={`entry-row__status entry-row__status--${status.kind}`}>
        {status.kind === 'saving'
          ? t('monitoring.entry.saving')
          : status.kind === 'failed'
            ? status.message
            : status.kind === 'invalid'
              ? t('monitoring.entry.invalid')
              : status.kind === 'conflict'
                ? ''
                : dirty
                  ? t('monitoring.entry.unsaved')
                  : status.kind === 'saved'
                    ? `✓ ${t('monitoring.entry.saved')}`
                    : saved && saved.provenance !== 'manual'
                      ? t('monitoring.entry.savedVia', {
                          provenance: t(`monitoring.provenance.${saved.provenance}`),
                        })
                      : ''}
      </p>
    </div>
  );
}

/** A warning in the interface language where its code is known; the server's English otherwise. */
export function WarningText({ code, message }: { code: string; message: string }) {
  const { t } = useTranslation();
  if (code === 'implausible-change') return <>{t('monitoring.entry.warningChange')}</>;
  if (code === 'total-outside-parts') return <>{t('monitoring.entry.warningTotal')}</>;
  return <ServerDetail lead="" detail={message} />;
}

function MeasurementEntry({ measurement, context }: { measurement: EntryMeasurement; context: EntryContext }) {
  const { t } = useTranslation();
  const format = useValueFormat();
  const comments = context.comments.filter((c) => c.measurementId === measurement.id);
  const headingId = `entry-${measurement.id}`;
  const { range } = measurement;
  return (
    <article
      className={`entry-measurement${measurement.local ? ' entry-measurement--local' : ''}`}
      aria-labelledby={headingId}
    >
      <h4 id={headingId} className="entry-measurement__title" tabIndex={-1}>
        <span className="code">{measurement.id}</span> {measurement.name}
        {measurement.local ? (
          <>
            {' '}
            <span className="badge badge--local">{t('monitoring.local.badge')}</span>
          </>
        ) : null}
      </h4>
      <p className="entry-measurement__definition">{measurement.definition}</p>
      <p className="entry-measurement__meta">
        {t(`unit.${measurement.unit}`)}
        {' · '}
        {range.max === null
          ? t('measurement.rangeFrom', { min: format.number(range.min) })
          : t('measurement.rangeBetween', { min: format.number(range.min), max: format.number(range.max) })}
        {measurement.source ? (
          <>
            {' · '}
            {t(`source.${measurement.source}`)}
          </>
        ) : null}
      </p>
      {comments.length > 0 ? (
        <div className="notice notice--warning entry-comments">
          {comments.map((c) => (
            <p key={`${c.at}|${c.comment}`}>
              <strong>{t('monitoring.entry.secretariatSays')}</strong> <span dir="auto">{c.comment}</span>{' '}
              <span className="entry-comments__date">
                (<Time iso={c.at} withTime={false} />)
              </span>
            </p>
          ))}
        </div>
      ) : null}
      {breakdownKeys(measurement).map((key) => (
        <ObservationRow key={key} measurement={measurement} breakdown={key} context={context} />
      ))}
      <MeasurementEvidence
        slug={context.slug}
        year={context.year}
        measurementId={measurement.id}
        label={`${measurement.id} ${measurement.nameText}`}
        editable={context.editable}
        evidence={context.evidence}
      />
    </article>
  );
}

function FocusAreaEntry({ focusArea, context }: { focusArea: FocusAreaOut; context: EntryContext }) {
  return (
    <>
      <h3 className="entry-focus__title">
        <span className="code">{focusArea.id}</span> <LText value={focusArea.title} />
      </h3>
      {focusArea.features.flatMap((feature) =>
        feature.measurements.map((m) => (
          <MeasurementEntry key={m.id} measurement={catalogueEntry(m)} context={context} />
        )),
      )}
    </>
  );
}

/** The city's own measurements, after the catalogue's, marked local. */
function LocalEntry({
  locals,
  context,
  defineHref,
}: {
  locals: readonly EntryMeasurement[];
  context: EntryContext;
  defineHref: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <h3 className="entry-focus__title">{t('monitoring.local.entryHeading')}</h3>
      <p>{t('monitoring.local.entryIntro')}</p>
      {locals.length === 0 ? (
        <p className="notice">
          {t('monitoring.local.entryNone')} <a href={defineHref}>{t('monitoring.local.entryDefine')}</a>
        </p>
      ) : (
        locals.map((m) => <MeasurementEntry key={m.id} measurement={m} context={context} />)
      )}
    </>
  );
}

/** The key of the data-entry tab that holds the city's own measurements. */
export const LOCAL_TAB = 'local';

/**
 * Data entry organised by the 12 focus areas (one tab each, with how many of its measurements have a
 * value and how many the secretariat commented on), every measurement with its definition, every
 * breakdown it takes and its evidence; then a last tab with the city's own measurements.
 */
export function DataEntry({
  framework,
  locals,
  context,
  focus,
  onFocusChange,
  defineHref,
}: {
  framework: FrameworkResponse;
  locals: readonly EntryMeasurement[];
  context: EntryContext;
  focus: string;
  onFocusChange: (id: string) => void;
  /** Where the city's own measurements are defined (the workspace's section). */
  defineHref: string;
}) {
  const { t } = useTranslation();
  const format = useValueFormat();
  const focusAreas = framework.areas.flatMap((a) => a.focusAreas);
  const selected = focus === LOCAL_TAB || focusAreas.some((fa) => fa.id === focus) ? focus : (focusAreas[0]?.id ?? '');
  const hasValue = (m: Pick<MeasurementOut, 'id' | 'breakdowns'>) =>
    breakdownKeys(m).some((key) => context.observation(m.id, key));
  const commented = (ids: readonly string[]) =>
    new Set(
      context.comments.filter((c) => c.measurementId && ids.includes(c.measurementId)).map((c) => c.measurementId),
    ).size;
  const tabs = [
    ...focusAreas.map((fa) => {
      const measurements = fa.features.flatMap((f) => f.measurements);
      return {
        id: fa.id,
        label: <span className="code">{fa.id}</span>,
        filled: measurements.filter(hasValue).length,
        total: measurements.length,
        comments: commented(measurements.map((m) => m.id)),
      };
    }),
    {
      id: LOCAL_TAB,
      label: <span className="entry-tabs__local">{t('monitoring.local.tab')}</span>,
      filled: locals.filter(hasValue).length,
      total: locals.length,
      comments: commented(locals.map((m) => m.id)),
    },
  ];
  return (
    <Tabs
      className="entry-tabs"
      selectedKey={selected}
      onSelectionChange={(key) => onFocusChange(String(key))}
      keyboardActivation="manual"
    >
      <TabList className="entry-tabs__list" aria-label={t('monitoring.entry.focusAreas')}>
        {tabs.map((tab) => (
          <Tab key={tab.id} id={tab.id} className="entry-tabs__tab">
            {tab.label}
            <span className="entry-tabs__count">
              {t('monitoring.entry.tabCount', {
                filled: format.number(tab.filled),
                total: format.number(tab.total),
              })}
            </span>
            {tab.comments > 0 ? (
              <span className="entry-tabs__comments">
                {t('monitoring.entry.tabComments', { count: tab.comments, n: format.number(tab.comments) })}
              </span>
            ) : null}
          </Tab>
        ))}
      </TabList>
      {focusAreas.map((fa) => (
        <TabPanel key={fa.id} id={fa.id} className="entry-tabs__panel">
          <FocusAreaEntry focusArea={fa} context={context} />
        </TabPanel>
      ))}
      <TabPanel id={LOCAL_TAB} className="entry-tabs__panel">
        <LocalEntry locals={locals} context={context} defineHref={defineHref} />
      </TabPanel>
    </Tabs>
  );
}
