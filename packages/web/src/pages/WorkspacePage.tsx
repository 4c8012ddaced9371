import type { CityResponse, CycleDetail, CycleState, FrameworkResponse, MeResponse, ObservationOut } from '@lco/core';
import { type FormEvent, useCallback, useRef, useState } from 'react';
import { Button, FieldError, Form, Input, Label, Link, NumberField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { type ApiError, apiSend, asApiError } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import { NotAllowed, PageError, RequireSession } from '../components/Access.tsx';
import { FictionalBadge } from '../components/Badges.tsx';
import { BusyButton, FormAlert, FormStatus, SubmitButton, useProblem } from '../components/forms.tsx';
import { LText } from '../components/LText.tsx';
import {
  CycleComments,
  CycleHistory,
  CycleStateBadge,
  EDITABLE_STATES,
  ServerDetail,
} from '../components/monitoring/cycle.tsx';
import { type LocalMeasurement, localMeasurementsPath } from '../components/monitoring/local.ts';
import { useBreakdownLabel, useValueFormat } from '../components/monitoring/progress.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { type Option, SelectField } from '../components/SelectField.tsx';
import { Loading } from '../components/Status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useLang } from '../i18n/useLang.ts';
import { DataEntry, type EntryContext, LOCAL_TAB, rowId, WarningText } from './workspace/DataEntry.tsx';
import { useEvidence } from './workspace/Evidence.tsx';
import { ExpertNarratives } from './workspace/ExpertNarratives.tsx';
import { ImportExport } from './workspace/ImportExport.tsx';
import { LocalMeasurements, localEntry } from './workspace/LocalMeasurements.tsx';
import { Targets } from './workspace/Targets.tsx';
import '../styles/accounts.css';
import '../styles/monitoring.css';
import '../styles/workspace.css';

interface CycleListItem {
  city: string;
  year: number;
  state: CycleState;
  updatedAt: string;
}

const key = (measurementId: string, breakdown: string) => `${measurementId}|${breakdown}`;

/** The values of a cycle as loaded, with the saves made on this page on top (until the next reload). */
function useObservations(detail: CycleDetail | undefined) {
  const [changes, setChanges] = useState<{ base: CycleDetail | undefined; map: Map<string, ObservationOut | null> }>({
    base: undefined,
    map: new Map(),
  });
  const local = changes.base === detail ? changes.map : new Map<string, ObservationOut | null>();
  const loaded = new Map((detail?.observations ?? []).map((o) => [key(o.measurementId, o.breakdown), o]));
  const all = new Map(loaded);
  for (const [k, o] of local) {
    if (o) all.set(k, o);
    else all.delete(k);
  }
  const record = useCallback(
    (measurementId: string, breakdown: string, saved: ObservationOut | null) =>
      setChanges((previous) => {
        const map = new Map(previous.base === detail ? previous.map : []);
        map.set(key(measurementId, breakdown), saved);
        return { base: detail, map };
      }),
    [detail],
  );
  return { all, record };
}

function CycleOverview({
  detail,
  framework,
  observations,
  locals,
  coordinator,
  onSubmitted,
  onShow,
}: {
  detail: CycleDetail;
  framework: FrameworkResponse;
  observations: ObservationOut[];
  locals: readonly LocalMeasurement[];
  coordinator: boolean;
  /** The cycle changed (or may have): read it again. */
  onSubmitted: () => void;
  /** Go to a value (or a measurement) in data entry. */
  onShow: (measurementId: string, breakdown?: string) => void;
}) {
  const { t } = useTranslation();
  const format = useValueFormat();
  const problem = useProblem();
  const breakdownLabel = useBreakdownLabel();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState('');
  // The catalogue's coverage counts the catalogue's measurements; the city's own are counted apart.
  const withData = new Set(observations.filter((o) => !o.local).map((o) => o.measurementId));
  const localWithData = new Set(observations.filter((o) => o.local).map((o) => o.measurementId));
  const open = observations.filter((o) => o.warnings.length > 0 && !o.warningsConfirmed);
  const focusAreas = framework.areas.flatMap((a) => a.focusAreas);
  const total = focusAreas.reduce((n, fa) => n + fa.features.reduce((m, f) => m + f.measurements.length, 0), 0);
  const canSubmit = coordinator && EDITABLE_STATES.includes(detail.state);

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setDone('');
    try {
      await apiSend('POST', `/cities/${encodeURIComponent(detail.city)}/cycles/${detail.year}/submit`);
      setDone(t('monitoring.workspace.submitted'));
      onSubmitted();
    } catch (caught) {
      const apiError = asApiError(caught);
      setError(apiError);
      // Refused for its warnings: the values are read again, so each warning shows where it is.
      if (apiError.status === 409) onSubmitted();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="overview">
      <div className="overview__grid">
        <div className="panel">
          <h3 className="box-title">{t('monitoring.workspace.stateHeading')}</h3>
          <p>
            <CycleStateBadge state={detail.state} />
          </p>
          <p>{t(`monitoring.workspace.stateHelp.${detail.state}`)}</p>
          <p className="coverage-line">
            <strong>
              {t('monitoring.progress.coverage', {
                count: total,
                total: format.number(total),
                withValue: format.number(withData.size),
              })}
            </strong>
          </p>
          {locals.length > 0 ? (
            <p className="coverage-line">
              {t('monitoring.local.coverage', {
                withValue: format.number(locals.filter((m) => localWithData.has(m.id)).length),
                total: format.number(locals.length),
              })}
            </p>
          ) : null}
          {canSubmit ? (
            <div className="overview__submit">
              {open.length > 0 ? <p>{t('monitoring.workspace.submitBlocked')}</p> : null}
              <BusyButton busy={busy} onPress={() => void submit()}>
                {t('monitoring.workspace.submit')}
              </BusyButton>
            </div>
          ) : null}
          {!coordinator && EDITABLE_STATES.includes(detail.state) ? (
            <p className="muted">{t('monitoring.workspace.submitCoordinator')}</p>
          ) : null}
          {error ? (
            <FormAlert>
              {error.status === 409 ? (
                <ServerDetail lead={t('monitoring.workspace.submitRefused')} detail={error.problem?.detail} />
              ) : (
                problem.message(error)
              )}
            </FormAlert>
          ) : null}
          <FormStatus>{done}</FormStatus>
        </div>

        <div className="panel">
          <h3 className="box-title">{t('monitoring.workspace.warningsHeading', { n: format.number(open.length) })}</h3>
          {open.length === 0 ? (
            <p>{t('monitoring.workspace.noWarnings')}</p>
          ) : (
            <>
              <p>{t('monitoring.workspace.warningsIntro')}</p>
              <ul className="warning-list">
                {open.map((o) => (
                  <li key={key(o.measurementId, o.breakdown)}>
                    <Button className="text-link-button" onPress={() => onShow(o.measurementId, o.breakdown)}>
                      <span className="code">{o.measurementId}</span> {breakdownLabel(o.breakdown)}
                    </Button>
                    {': '}
                    {o.warnings.map((w) => (
                      <span key={w.code}>
                        <WarningText code={w.code} message={w.message} />{' '}
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>

        <div className="panel">
          <h3 className="box-title">{t('monitoring.workspace.commentsHeading')}</h3>
          <CycleComments comments={detail.comments} onShow={(id) => onShow(id)} />
        </div>
      </div>

      <h3>{t('monitoring.workspace.coverageHeading')}</h3>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it. */}
      <section className="table-scroll" aria-labelledby="coverage-caption" tabIndex={0}>
        <table className="data-table coverage-table">
          <caption id="coverage-caption" className="visually-hidden">
            {t('monitoring.workspace.coverageHeading')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('monitoring.measurementPage.focusArea')}</th>
              <th scope="col" className="num">
                {t('monitoring.workspace.withData')}
              </th>
            </tr>
          </thead>
          <tbody>
            {focusAreas.map((fa) => {
              const ids = fa.features.flatMap((f) => f.measurements.map((m) => m.id));
              const filled = ids.filter((id) => withData.has(id)).length;
              return (
                <tr key={fa.id}>
                  <th scope="row">
                    <span className="code">{fa.id}</span> <LText value={fa.title} />
                  </th>
                  <td className="num nowrap">
                    {t('monitoring.progress.coverageShort', {
                      withValue: format.number(filled),
                      total: format.number(ids.length),
                    })}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <h3>{t('monitoring.workspace.historyHeading')}</h3>
      <CycleHistory history={detail.history} />
    </div>
  );
}

/** Everything about one year's cycle: overview, data entry, files. */
function CycleWorkspace({
  slug,
  year,
  coordinator,
  framework,
  locals,
  onStateChange,
}: {
  slug: string;
  year: number;
  coordinator: boolean;
  framework: FrameworkResponse;
  /** The city's own measurements, entered after the catalogue's. */
  locals: readonly LocalMeasurement[];
  onStateChange: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const base = `/cities/${encodeURIComponent(slug)}/cycles`;
  const detail = useApi<CycleDetail>(`${base}/${year}`, {}, { personal: true });
  const previous = useApi<CycleDetail>(`${base}/${year - 1}`, {}, { personal: true });
  const { all, record } = useObservations(detail.data);
  const evidence = useEvidence(slug, year);
  const [announcement, setAnnouncement] = useState('');
  const live = useRef(0);

  if (detail.error && detail.error.status !== 404) return <PageError error={detail.error} onRetry={detail.retry} />;
  if (detail.error?.status === 404) return <p className="notice">{t('monitoring.workspace.noCycle')}</p>;
  if (!detail.data) return <Loading lines={4} />;

  const cycle = detail.data;
  const previousByKey = new Map((previous.data?.observations ?? []).map((o) => [key(o.measurementId, o.breakdown), o]));
  const editable = EDITABLE_STATES.includes(cycle.state);
  const focus = params.get('focus') ?? '1.1';
  const setFocus = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('focus', id);
    setParams(next, { replace: true });
  };
  const reload = () => {
    detail.retry();
    onStateChange();
  };
  const context: EntryContext = {
    slug,
    year,
    editable,
    observation: (m, b) => all.get(key(m, b)),
    previous: (m, b) => previousByKey.get(key(m, b)),
    onSaved: record,
    announce: (text) => {
      // The same sentence twice in a row is still announced: a counter keeps the text different.
      live.current += 1;
      setAnnouncement(`${text}${'\u200b'.repeat(live.current % 2)}`);
    },
    comments: cycle.comments,
    evidence,
  };
  /** Open the tab of a measurement and go to its value (or, without a breakdown, to its heading). */
  const show = (measurementId: string, breakdown?: string) => {
    const focusArea = framework.areas
      .flatMap((a) => a.focusAreas)
      .find((fa) => fa.features.some((f) => f.measurements.some((m) => m.id === measurementId)));
    if (focusArea) setFocus(focusArea.id);
    else if (locals.some((m) => m.id === measurementId)) setFocus(LOCAL_TAB);
    // After the tab has drawn its rows.
    window.setTimeout(() => {
      if (breakdown === undefined) {
        const heading = document.getElementById(`entry-${measurementId}`);
        heading?.scrollIntoView({ block: 'start' });
        heading?.focus({ preventScroll: true });
        return;
      }
      const row = document.getElementById(rowId(measurementId, breakdown));
      row?.scrollIntoView({ block: 'center' });
      row?.querySelector('input')?.focus({ preventScroll: true });
    }, 50);
  };

  return (
    <>
      <section id="overview" aria-labelledby="overview-heading" className="workspace-section">
        <h2 id="overview-heading">{t('monitoring.workspace.overviewHeading', { year: String(year) })}</h2>
        <CycleOverview
          detail={cycle}
          framework={framework}
          observations={[...all.values()]}
          locals={locals}
          coordinator={coordinator}
          onSubmitted={reload}
          onShow={show}
        />
      </section>

      <section id="entry" aria-labelledby="entry-heading" className="workspace-section">
        <h2 id="entry-heading">{t('monitoring.workspace.entryHeading')}</h2>
        {editable ? (
          <p>{t('monitoring.workspace.entryIntro')}</p>
        ) : (
          <p className="notice">
            {t('monitoring.workspace.readOnly', { state: t(`monitoring.cycleState.${cycle.state}`) })}
          </p>
        )}
        <p role="status" className="visually-hidden">
          {announcement}
        </p>
        <DataEntry
          framework={framework}
          locals={locals.map((m) => localEntry(m, lang))}
          context={context}
          focus={focus}
          onFocusChange={setFocus}
          defineHref="#local"
        />
      </section>

      <section id="expert-review" aria-labelledby="expert-review-heading" className="workspace-section">
        <h2 id="expert-review-heading">{t('review.narrative.heading')}</h2>
        <ExpertNarratives
          slug={slug}
          year={year}
          editable={editable}
          framework={framework}
          evidence={evidence.of}
          onShow={(id) => show(id)}
        />
      </section>

      <section id="files" aria-labelledby="files-heading" className="workspace-section">
        <h2 id="files-heading">{t('monitoring.workspace.filesHeading')}</h2>
        <ImportExport slug={slug} year={year} editable={editable} onImported={reload} />
      </section>
    </>
  );
}

function OpenCycle({
  slug,
  suggested,
  onOpened,
}: {
  slug: string;
  suggested: number;
  onOpened: (year: number) => void;
}) {
  const { t } = useTranslation();
  const problem = useProblem();
  const [year, setYear] = useState(suggested);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await apiSend('POST', `/cities/${encodeURIComponent(slug)}/cycles`, { year });
      onOpened(year);
    } catch (caught) {
      const apiError = asApiError(caught);
      // It exists already: choosing it is what the person wanted.
      if (apiError.status === 409) onOpened(year);
      else setError(apiError);
    } finally {
      setBusy(false);
    }
  };

  const fields = problem.fields(error);
  return (
    <Form className="form open-cycle" onSubmit={submit} validationBehavior="aria">
      <NumberField
        className="field"
        value={year}
        onChange={setYear}
        isInvalid={Boolean(fields.year)}
        formatOptions={{ useGrouping: false, maximumFractionDigits: 0 }}
      >
        <Label className="field__label">{t('monitoring.workspace.newYear')}</Label>
        <Input className="field__input" />
        <FieldError className="field__error">{fields.year}</FieldError>
      </NumberField>
      <div className="form__actions">
        <SubmitButton busy={busy}>{t('monitoring.workspace.open')}</SubmitButton>
      </div>
      {error && !fields.year ? <FormAlert>{problem.message(error)}</FormAlert> : null}
    </Form>
  );
}

function Workspace({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const grants = me.user.grants.filter(
    (g) => (g.role === 'city-coordinator' || g.role === 'city-editor') && g.scope?.ref === slug,
  );
  const coordinator = grants.some((g) => g.role === 'city-coordinator');
  const allowed = grants.length > 0;
  const city = useApi<CityResponse>(allowed ? `/cities/${encodeURIComponent(slug)}` : null);
  const cycles = useApi<{ items: CycleListItem[] }>(
    allowed ? `/cities/${encodeURIComponent(slug)}/cycles` : null,
    {},
    { personal: true },
  );
  const framework = useApi<FrameworkResponse>(allowed ? '/framework' : null);
  const locals = useApi<{ items: LocalMeasurement[] }>(
    allowed ? localMeasurementsPath(slug) : null,
    {},
    { personal: true },
  );
  const name = city.data?.city.name ?? grants[0]?.scope?.name ?? slug;
  useDocumentTitle(t('workspaces.city', { city: name }));

  if (!allowed) return <NotAllowed />;

  const items = [...(cycles.data?.items ?? [])].sort((a, b) => b.year - a.year);
  const asked = Number(params.get('year'));
  const year = items.some((c) => c.year === asked) ? asked : items[0]?.year;
  const choose = (chosen: number) => {
    const next = new URLSearchParams(params);
    next.set('year', String(chosen));
    setParams(next);
  };
  const yearOptions: Option[] = items.map((c) => ({
    id: String(c.year),
    text: t('monitoring.workspace.yearOption', { year: String(c.year), state: t(`monitoring.cycleState.${c.state}`) }),
  }));
  const error = city.error ?? cycles.error ?? framework.error;

  return (
    <div className="page page--workspace">
      <header className="workspace__header">
        <PageHeading>{t('workspaces.city', { city: name })}</PageHeading>
        {city.data?.city.fictional ? <FictionalBadge /> : null}
        <p className="workspace__role">
          {coordinator ? t('monitoring.workspace.asCoordinator') : t('monitoring.workspace.asEditor')}
          {' · '}
          <Link href={`/cities/${encodeURIComponent(slug)}`}>{t('monitoring.workspace.publicPage')}</Link>
          {' · '}
          <Link href={`/workspace/${encodeURIComponent(slug)}/membership`}>{t('workspaces.cityMembership')}</Link>
          {' · '}
          <Link href={`/workspace/${encodeURIComponent(slug)}/surveys`}>{t('monitoring.workspace.surveys')}</Link>
        </p>
      </header>
      {error ? (
        <PageError
          error={error}
          onRetry={() => {
            city.retry();
            cycles.retry();
            framework.retry();
          }}
        />
      ) : null}
      {!cycles.data || !framework.data ? (
        error ? null : (
          <Loading lines={4} />
        )
      ) : (
        <>
          <nav className="workspace__nav" aria-label={t('monitoring.workspace.onThisPage')}>
            <ul className="plain-list">
              {year !== undefined ? (
                <>
                  <li>
                    <a href="#overview">{t('monitoring.workspace.navOverview')}</a>
                  </li>
                  <li>
                    <a href="#entry">{t('monitoring.workspace.entryHeading')}</a>
                  </li>
                  <li>
                    <a href="#expert-review">{t('review.narrative.heading')}</a>
                  </li>
                  <li>
                    <a href="#files">{t('monitoring.workspace.filesHeading')}</a>
                  </li>
                </>
              ) : null}
              <li>
                <a href="#local">{t('monitoring.local.heading')}</a>
              </li>
              {coordinator ? (
                <li>
                  <a href="#targets">{t('monitoring.workspace.targetsHeading')}</a>
                </li>
              ) : null}
            </ul>
          </nav>
          <section className="workspace__years panel" aria-labelledby="years-heading">
            <h2 id="years-heading">{t('monitoring.workspace.yearsHeading')}</h2>
            <div className="workspace__year-forms">
              {items.length > 0 ? (
                <SelectField
                  label={t('monitoring.workspace.year')}
                  options={yearOptions}
                  value={year === undefined ? '' : String(year)}
                  onChange={(id) => choose(Number(id))}
                />
              ) : (
                <p>{t('monitoring.workspace.noCycles')}</p>
              )}
              <OpenCycle
                key={items[0]?.year ?? 0}
                slug={slug}
                suggested={items[0] ? items[0].year + 1 : new Date().getFullYear() - 1}
                onOpened={(opened) => {
                  cycles.retry();
                  choose(opened);
                }}
              />
            </div>
          </section>
          {year !== undefined ? (
            <CycleWorkspace
              key={year}
              slug={slug}
              year={year}
              coordinator={coordinator}
              framework={framework.data}
              locals={locals.data?.items ?? []}
              onStateChange={cycles.retry}
            />
          ) : null}
          <section id="local" aria-labelledby="local-heading" className="workspace-section">
            <h2 id="local-heading">{t('monitoring.local.heading')}</h2>
            <p>{t('monitoring.local.intro')}</p>
            {locals.error ? (
              <PageError error={locals.error} onRetry={locals.retry} />
            ) : locals.data ? (
              <LocalMeasurements
                slug={slug}
                items={locals.data.items}
                coordinator={coordinator}
                onChanged={locals.retry}
              />
            ) : (
              <Loading lines={2} />
            )}
          </section>
          {coordinator ? (
            <section id="targets" aria-labelledby="targets-heading" className="workspace-section">
              <h2 id="targets-heading">{t('monitoring.workspace.targetsHeading')}</h2>
              <p>{t('monitoring.workspace.targetsIntro')}</p>
              <Targets slug={slug} framework={framework.data} />
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}

/** The city team's workspace: a year's cycle, its values by focus area, files, and the targets. */
export default function WorkspacePage() {
  return <RequireSession>{(me) => <Workspace me={me} />}</RequireSession>;
}
