import type {
  CitiesResponse,
  CityResponse,
  CycleDetail,
  FrameworkResponse,
  MeasurementOut,
  MeResponse,
  ObservationOut,
} from '@lco/core';
import { breakdownKeys } from '@lco/core/observation-rules';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Button, Form, Input, Label, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type ApiError, apiSend, asApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { NotAllowed, PageError, RequireSession } from '../../components/Access.tsx';
import { BusyButton, FormAlert, FormStatus, SubmitButton, useProblem } from '../../components/forms.tsx';
import { LText } from '../../components/LText.tsx';
import { CycleComments, CycleHistory, CycleStateBadge, ServerDetail } from '../../components/monitoring/cycle.tsx';
import { type LocalMeasurement, localMeasurementsPath, localName } from '../../components/monitoring/local.ts';
import { ProvenanceLabel, useBreakdownLabel, useValueFormat } from '../../components/monitoring/progress.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Time } from '../../components/roles.tsx';
import { type Option, SelectField } from '../../components/SelectField.tsx';
import { ErrorState, Loading } from '../../components/Status.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useLang } from '../../i18n/useLang.ts';
import { WarningText } from '../workspace/DataEntry.tsx';
import '../../styles/accounts.css';
import '../../styles/monitoring.css';
import '../../styles/workspace.css';

interface QueueItem {
  city: string;
  cityName: string;
  year: number;
  submittedAt: string;
}

const WHOLE = 'whole-report';

interface PendingComment {
  measurementId: string | null;
  comment: string;
}

interface ValueRow {
  m: { id: string; name: ReactNode; unit: string };
  o: ObservationOut;
}

/** Values of some measurements, read-only, with their sources and checks. */
function ValuesTable({ rows, labelledBy }: { rows: readonly ValueRow[]; labelledBy: string }) {
  const { t } = useTranslation();
  const format = useValueFormat();
  const breakdownLabel = useBreakdownLabel();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it.
    <section className="table-scroll" aria-labelledby={labelledBy} tabIndex={0}>
      <table className="data-table review-table">
        <thead>
          <tr>
            <th scope="col">{t('monitoring.files.measurement')}</th>
            <th scope="col">{t('monitoring.measurementPage.breakdown')}</th>
            <th scope="col" className="num">
              {t('monitoring.measurementPage.value')}
            </th>
            <th scope="col">{t('monitoring.measurementPage.source')}</th>
            <th scope="col">{t('monitoring.review.checks')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ m, o }) => (
            <tr key={`${o.measurementId}|${o.breakdown}`}>
              <th scope="row">
                <span className="code">{m.id}</span> {m.name}
              </th>
              <td>{breakdownLabel(o.breakdown)}</td>
              <td className="num nowrap">{format.withUnit(o.value, m.unit)}</td>
              <td>
                <span dir="auto">{o.sourceDetail}</span>
                {o.provenance !== 'manual' ? (
                  <>
                    {' '}
                    <ProvenanceLabel provenance={o.provenance} />
                  </>
                ) : null}
                {o.note ? (
                  <>
                    <br />
                    <span className="muted">{t('monitoring.measurementPage.note')} </span>
                    <span dir="auto">{o.note}</span>
                  </>
                ) : null}
              </td>
              <td>
                {o.warnings.length === 0 ? (
                  <span className="muted">{t('monitoring.review.noWarning')}</span>
                ) : (
                  <>
                    {o.warnings.map((w) => (
                      <span key={w.code}>
                        <span aria-hidden="true">⚠ </span>
                        <WarningText code={w.code} message={w.message} />{' '}
                      </span>
                    ))}
                    {o.warningsConfirmed ? <strong>{t('monitoring.review.confirmed')}</strong> : null}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The rows of some measurements' values, each measurement's breakdowns in its own order. */
function rowsOf(
  measurements: readonly (ValueRow['m'] & { breakdowns: MeasurementOut['breakdowns'] })[],
  byMeasurement: ReadonlyMap<string, ObservationOut[]>,
): ValueRow[] {
  return measurements.flatMap((m) => {
    const order = breakdownKeys(m);
    return [...(byMeasurement.get(m.id) ?? [])]
      .sort((a, b) => order.indexOf(a.breakdown) - order.indexOf(b.breakdown))
      .map((o) => ({ m, o }));
  });
}

/**
 * A cycle's values, read-only, by focus area, then the city's own measurements (marked local): what
 * the secretariat reads before deciding.
 */
function ValuesByFocusArea({
  framework,
  locals,
  observations,
}: {
  framework: FrameworkResponse;
  locals: readonly LocalMeasurement[];
  observations: ObservationOut[];
}) {
  const { t } = useTranslation();
  const format = useValueFormat();
  const lang = useLang();
  const byMeasurement = new Map<string, ObservationOut[]>();
  for (const o of observations) byMeasurement.set(o.measurementId, [...(byMeasurement.get(o.measurementId) ?? []), o]);
  const localRows = rowsOf(
    locals.map((l) => {
      const name = localName(l, lang);
      return {
        id: l.id,
        unit: l.unit,
        breakdowns: l.breakdowns,
        name: (
          <>
            <bdi lang={name.lang}>{name.text}</bdi>{' '}
            <span className="badge badge--local">{t('monitoring.local.badge')}</span>
          </>
        ),
      };
    }),
    byMeasurement,
  );
  return (
    <>
      {framework.areas.flatMap((area) =>
        area.focusAreas.map((fa) => {
          const measurements = fa.features.flatMap((f) => f.measurements);
          const rows = rowsOf(
            measurements.map((m) => ({ ...m, name: <LText value={m.name} /> })),
            byMeasurement,
          );
          const headingId = `review-${fa.id}`;
          return (
            <section key={fa.id} aria-labelledby={headingId} className="review-focus">
              <h4 id={headingId}>
                <span className="code">{fa.id}</span> <LText value={fa.title} />{' '}
                <span className="muted">
                  {t('monitoring.progress.coverageShort', {
                    withValue: format.number(measurements.filter((m) => byMeasurement.has(m.id)).length),
                    total: format.number(measurements.length),
                  })}
                </span>
              </h4>
              {rows.length === 0 ? null : <ValuesTable rows={rows} labelledBy={headingId} />}
            </section>
          );
        }),
      )}
      {locals.length > 0 ? (
        <section aria-labelledby="review-local" className="review-focus">
          <h4 id="review-local">
            {t('monitoring.local.entryHeading')}{' '}
            <span className="muted">
              {t('monitoring.progress.coverageShort', {
                withValue: format.number(locals.filter((m) => byMeasurement.has(m.id)).length),
                total: format.number(locals.length),
              })}
            </span>
          </h4>
          {localRows.length === 0 ? null : <ValuesTable rows={localRows} labelledBy="review-local" />}
        </section>
      ) : null}
    </>
  );
}

/** One cycle under review: its values, comments to add, and the decision (accept, return, reopen). */
function ReviewCycle({ slug, year, onDecided }: { slug: string; year: number; onDecided: () => void }) {
  const { t } = useTranslation();
  const problem = useProblem();
  const base = `/cities/${encodeURIComponent(slug)}/cycles/${year}`;
  const detail = useApi<CycleDetail>(base, {}, { personal: true });
  const framework = useApi<FrameworkResponse>('/framework');
  const locals = useApi<{ items: LocalMeasurement[] }>(localMeasurementsPath(slug), {}, { personal: true });
  const lang = useLang();
  const [pending, setPending] = useState<PendingComment[]>([]);
  const [target, setTarget] = useState(WHOLE);
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<'accept' | 'return' | 'reopen' | null>(null);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState('');
  const [returnHint, setReturnHint] = useState(false);

  if (detail.error) return <PageError error={detail.error} onRetry={detail.retry} />;
  if (framework.error) return <ErrorState error={framework.error} onRetry={framework.retry} />;
  if (!detail.data || !framework.data) return <Loading lines={4} />;
  const cycle = detail.data;
  const measurements = framework.data.areas.flatMap((a) =>
    a.focusAreas.flatMap((fa) => fa.features.flatMap((f) => f.measurements)),
  );
  const targetOptions: Option[] = [
    { id: WHOLE, text: t('monitoring.cycle.wholeReport') },
    ...measurements.map((m) => ({
      id: m.id,
      text: `${m.id} ${m.name.text}`,
      content: (
        <>
          <span className="code">{m.id}</span> <LText value={m.name} />
        </>
      ),
    })),
    // The city's own measurements can be commented on too.
    ...(locals.data?.items ?? []).map((l) => {
      const name = localName(l, lang);
      return {
        id: l.id,
        text: `${l.id} ${name.text} (${t('monitoring.local.badge')})`,
        content: (
          <>
            <span className="code">{l.id}</span> <bdi lang={name.lang}>{name.text}</bdi>{' '}
            <span className="badge badge--local">{t('monitoring.local.badge')}</span>
          </>
        ),
      };
    }),
  ];

  const act = async (kind: 'accept' | 'return' | 'reopen', body?: unknown) => {
    if (busy) return;
    setBusy(kind);
    setError(undefined);
    setDone('');
    try {
      await apiSend('POST', `${base}/${kind}`, body);
      setDone(t(`monitoring.review.done.${kind}`));
      setPending([]);
      setComment('');
      setReason('');
      detail.retry();
      onDecided();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(null);
    }
  };

  const addComment = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = comment.trim();
    if (!text) return;
    setPending((list) => [...list, { measurementId: target === WHOLE ? null : target, comment: text }]);
    setComment('');
    setReturnHint(false);
  };

  return (
    <div className="review-cycle">
      <p className="review-cycle__state">
        <CycleStateBadge state={cycle.state} />{' '}
        {t('monitoring.progress.coverage', {
          count: cycle.coverage.measurements,
          total: String(cycle.coverage.measurements),
          withValue: String(cycle.coverage.measurementsWithData),
        })}
      </p>

      {cycle.state === 'submitted' ? (
        <div className="panel review-decision">
          <h3 className="box-title">{t('monitoring.review.decisionHeading')}</h3>
          <p>{t('monitoring.review.decisionIntro')}</p>
          <Form className="form" onSubmit={addComment}>
            <SelectField
              label={t('monitoring.review.commentOn')}
              options={targetOptions}
              value={target}
              onChange={setTarget}
            />
            <TextField className="field" value={comment} onChange={setComment}>
              <Label className="field__label">{t('monitoring.review.comment')}</Label>
              <TextArea className="field__input field__textarea" rows={3} dir="auto" />
            </TextField>
            <div className="form__actions">
              <Button type="submit" className="button button--secondary">
                {t('monitoring.review.addComment')}
              </Button>
            </div>
          </Form>
          {pending.length > 0 ? (
            <>
              <h4>{t('monitoring.review.pendingHeading')}</h4>
              <ul className="pending-comments">
                {pending.map((c, i) => (
                  <li key={`${c.measurementId}|${c.comment}`}>
                    {c.measurementId ? (
                      <span className="code">{c.measurementId}</span>
                    ) : (
                      t('monitoring.cycle.wholeReport')
                    )}
                    {': '}
                    <span dir="auto">{c.comment}</span>{' '}
                    <Button
                      className="text-link-button"
                      onPress={() => setPending((list) => list.filter((_, j) => j !== i))}
                      aria-label={t('monitoring.review.removeCommentLabel', { n: i + 1 })}
                    >
                      {t('monitoring.review.removeComment')}
                    </Button>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <div className="form__actions review-decision__actions">
            <BusyButton busy={busy === 'accept'} onPress={() => void act('accept')}>
              {t('monitoring.review.accept')}
            </BusyButton>
            <BusyButton
              busy={busy === 'return'}
              className="button button--secondary"
              onPress={() => {
                // A comment typed but not yet added goes with the others.
                const typed = comment.trim();
                const comments = typed
                  ? [...pending, { measurementId: target === WHOLE ? null : target, comment: typed }]
                  : pending;
                if (comments.length === 0) {
                  setError(undefined);
                  setDone('');
                  setReturnHint(true);
                  return;
                }
                void act('return', { comments });
              }}
            >
              {pending.length + (comment.trim() ? 1 : 0) > 0
                ? t('monitoring.review.return', { n: pending.length + (comment.trim() ? 1 : 0) })
                : t('monitoring.review.returnPlain')}
            </BusyButton>
          </div>
          {returnHint ? <FormAlert>{t('monitoring.review.returnNeedsComment')}</FormAlert> : null}
        </div>
      ) : null}

      {cycle.state === 'accepted' ? (
        <Form
          className="form panel"
          onSubmit={(event) => {
            event.preventDefault();
            if (reason.trim()) void act('reopen', { reason: reason.trim() });
          }}
        >
          <h3 className="box-title">{t('monitoring.review.reopenHeading')}</h3>
          <p>{t('monitoring.review.reopenIntro')}</p>
          <TextField className="field" value={reason} onChange={setReason} isRequired>
            <Label className="field__label">{t('monitoring.review.reason')}</Label>
            <TextArea className="field__input field__textarea" rows={3} dir="auto" />
          </TextField>
          <div className="form__actions">
            <SubmitButton busy={busy === 'reopen'}>{t('monitoring.review.reopen')}</SubmitButton>
          </div>
        </Form>
      ) : null}

      {cycle.state !== 'submitted' && cycle.state !== 'accepted' ? <p>{t('monitoring.review.notSubmitted')}</p> : null}
      {error ? (
        <FormAlert>
          {error.status === 409 ? (
            <ServerDetail lead={t('monitoring.review.refused')} detail={error.problem?.detail} />
          ) : (
            problem.message(error)
          )}
        </FormAlert>
      ) : null}
      <FormStatus>{done}</FormStatus>

      <h3>{t('monitoring.review.valuesHeading')}</h3>
      <ValuesByFocusArea
        framework={framework.data}
        locals={locals.data?.items ?? []}
        observations={cycle.observations}
      />

      <div className="overview__grid">
        <div>
          <h3>{t('monitoring.workspace.commentsHeading')}</h3>
          <CycleComments comments={cycle.comments} />
        </div>
        <div>
          <h3>{t('monitoring.workspace.historyHeading')}</h3>
          <CycleHistory history={cycle.history} />
        </div>
      </div>
    </div>
  );
}

/** Open any city's cycle by city and year (to reopen an accepted one, say). */
function OpenAny({ onOpen }: { onOpen: (slug: string, year: number) => void }) {
  const { t } = useTranslation();
  const cities = useApi<CitiesResponse>('/cities', { pageSize: 500 });
  const [city, setCity] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const options: Option[] = (cities.data?.items ?? []).map((c) => ({ id: c.slug, text: c.name }));
  return (
    <Form
      className="form form--grid"
      onSubmit={(event) => {
        event.preventDefault();
        const y = Number(year);
        if (city && Number.isInteger(y)) onOpen(city, y);
      }}
    >
      <SelectField
        label={t('monitoring.review.city')}
        options={options}
        value={city}
        onChange={setCity}
        isDisabled={!cities.data}
      />
      <TextField className="field" value={year} onChange={setYear} inputMode="numeric">
        <Label className="field__label">{t('monitoring.workspace.year')}</Label>
        <Input className="field__input" />
      </TextField>
      <div className="form__actions">
        <Button type="submit" className="button button--secondary">
          {t('monitoring.review.openCycle')}
        </Button>
      </div>
    </Form>
  );
}

function Review({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const staff = me.user.grants.some((g) => g.role === 'admin' || g.role === 'secretariat');
  const queue = useApi<{ items: QueueItem[] }>(staff ? '/review-queue' : null, {}, { personal: true });
  const slug = params.get('city') ?? '';
  const year = Number(params.get('year'));
  const open = (city: string, y: number) => setParams(new URLSearchParams({ city, year: String(y) }));
  const current = slug && Number.isInteger(year) && year > 0 ? { slug, year } : null;
  const city = useApi<CityResponse>(staff && current ? `/cities/${encodeURIComponent(current.slug)}` : null);
  if (!staff) return <NotAllowed />;
  const items = queue.data?.items ?? [];
  const name = city.data?.city.name ?? items.find((i) => i.city === slug)?.cityName ?? slug;

  return (
    <div className="page page--review">
      <PageHeading>{t('workspaces.review')}</PageHeading>
      <p className="lead">{t('monitoring.review.intro')}</p>
      <div className="review__layout">
        <section aria-labelledby="queue-heading" className="panel review__queue">
          <h2 id="queue-heading">{t('monitoring.review.queueHeading')}</h2>
          {queue.error ? <PageError error={queue.error} onRetry={queue.retry} /> : null}
          {queue.loading && !queue.data ? <Loading lines={2} /> : null}
          {queue.data && items.length === 0 ? <p>{t('monitoring.review.queueEmpty')}</p> : null}
          {items.length > 0 ? (
            <ul className="review-queue plain-list">
              {items.map((item) => {
                const selected = current?.slug === item.city && current.year === item.year;
                return (
                  <li key={`${item.city}|${item.year}`}>
                    <Button
                      className={`review-queue__item${selected ? ' is-selected' : ''}`}
                      onPress={() => open(item.city, item.year)}
                      aria-current={selected ? 'true' : undefined}
                    >
                      <span className="review-queue__city">
                        <bdi>{item.cityName}</bdi> · {item.year}
                      </span>
                      <span className="review-queue__meta">
                        {t('monitoring.review.submittedAt')} <Time iso={item.submittedAt} />
                      </span>
                    </Button>
                  </li>
                );
              })}
            </ul>
          ) : null}
          <h3>{t('monitoring.review.openAnyHeading')}</h3>
          <OpenAny onOpen={open} />
        </section>
        <section aria-labelledby="cycle-heading" className="review__cycle">
          {current ? (
            <>
              <h2 id="cycle-heading">
                {t('monitoring.review.cycleHeading', { city: name, year: String(current.year) })}
              </h2>
              <ReviewCycle
                key={`${current.slug}|${current.year}`}
                slug={current.slug}
                year={current.year}
                onDecided={queue.retry}
              />
            </>
          ) : (
            <>
              <h2 id="cycle-heading">{t('monitoring.review.noCycleHeading')}</h2>
              <p>{t('monitoring.review.choose')}</p>
            </>
          )}
        </section>
      </div>
    </div>
  );
}

/** The secretariat's review of the yearly reports: the queue, one report at a time, and the decision. */
export default function ReviewPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('workspaces.review'));
  return <RequireSession>{(me) => <Review me={me} />}</RequireSession>;
}
