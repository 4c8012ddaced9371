import type { FlagOut, MeResponse, RoundDashboard } from '@lco/core';
import { type FormEvent, useState } from 'react';
import { Button, Form, Label, Link, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type ApiError, apiSend, asApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { NotAllowed, PageError, RequireSession } from '../../components/Access.tsx';
import { BusyButton, FormAlert, FormStatus, SubmitButton } from '../../components/forms.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import {
  AgreementText,
  DaysLeft,
  useExpertCatalogue,
  useLevelName,
  useReviewProblem,
  useRuleName,
} from '../../components/review/common.tsx';
import { Time } from '../../components/roles.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { Loading } from '../../components/Status.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useLang } from '../../i18n/useLang.ts';
import { AssignmentState, Progress } from '../review/InboxPage.tsx';
import { isStaff, RoundState } from './RoundsPage.tsx';
import '../../styles/accounts.css';
import '../../styles/monitoring.css';
import '../../styles/workspace.css';
import '../../styles/review.css';

type City = RoundDashboard['cities'][number];

interface Candidate {
  id: string;
  name: string;
  countryIso2: string | null;
  workload: { open: number; inRound: number };
  eligible: boolean;
  refusedBy: 'same-country' | 'conflict-of-interest' | 'country-unknown' | 'already-assigned' | 'not-an-expert' | null;
}

interface QueueItem {
  city: string;
  cityName: string;
  year: number;
}

/** Something changed on the server: read the dashboard again and say what happened. */
type Changed = (message: string) => void;

/** The experts for a city: workload, and the rule that keeps each ineligible one out, named. */
function Candidates({ roundId, city, onChanged }: { roundId: string; city: City; onChanged: Changed }) {
  const { t } = useTranslation();
  const say = useReviewProblem();
  const lang = useLang();
  const number = new Intl.NumberFormat(lang);
  const list = useApi<{ items: Candidate[] }>(
    `/review/rounds/${roundId}/candidates`,
    { city: city.city },
    { personal: true },
  );
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError>();
  if (list.error) return <PageError error={list.error} onRetry={list.retry} />;
  if (!list.data) return <Loading lines={2} />;

  const assign = async (candidate: Candidate) => {
    if (busy) return;
    setBusy(candidate.id);
    setError(undefined);
    try {
      await apiSend('POST', `/review/rounds/${roundId}/assignments`, { city: city.city, reviewerId: candidate.id });
      list.retry();
      onChanged(t('review.round.assigned', { name: candidate.name, city: city.cityName }));
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(null);
    }
  };

  const headingId = `candidates-${city.city}`;
  return (
    <div className="candidates">
      <h4 id={headingId}>{t('review.round.candidates', { city: city.cityName })}</h4>
      {list.data.items.length === 0 ? (
        <p>{t('review.round.noExperts')}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it.
        <section className="table-scroll" aria-labelledby={headingId} tabIndex={0}>
          <table className="data-table candidates-table">
            <thead>
              <tr>
                <th scope="col">{t('review.round.expert')}</th>
                <th scope="col">{t('review.round.country')}</th>
                <th scope="col" className="num">
                  {t('review.round.workload')}
                </th>
                <th scope="col">{t('review.round.eligibility')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((c) => (
                <tr key={c.id} className={c.eligible ? undefined : 'candidates__refused'}>
                  <th scope="row">{c.name}</th>
                  <td>{c.countryIso2 ?? '—'}</td>
                  <td className="num">
                    {t('review.round.workloadValue', {
                      open: number.format(c.workload.open),
                      inRound: number.format(c.workload.inRound),
                    })}
                  </td>
                  <td>
                    {c.eligible ? (
                      <BusyButton className="button button--small" busy={busy === c.id} onPress={() => void assign(c)}>
                        {t('review.round.assign')}
                        <span className="visually-hidden">
                          {' '}
                          — {c.name}, {city.cityName}
                        </span>
                      </BusyButton>
                    ) : (
                      <>
                        <Button className="button button--small" isDisabled>
                          {t('review.round.assign')}
                          <span className="visually-hidden">
                            {' '}
                            — {c.name}, {city.cityName}
                          </span>
                        </Button>{' '}
                        <span className="refusal">
                          <span aria-hidden="true">⛔ </span>
                          {t(`review.round.refusedBy.${c.refusedBy ?? 'not-an-expert'}`)}
                        </span>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {error ? <FormAlert>{say(error)}</FormAlert> : null}
    </div>
  );
}

function CityCard({
  roundId,
  city,
  open,
  minReviewers,
  measurements,
  onChanged,
}: {
  roundId: string;
  city: City;
  open: boolean;
  minReviewers: number;
  /** How many measurements each reviewer rates. */
  measurements: number;
  onChanged: Changed;
}) {
  const { t } = useTranslation();
  const say = useReviewProblem();
  const [showCandidates, setShowCandidates] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const active = city.reviewers.filter((r) => r.state !== 'recused').length;

  const consolidate = async () => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await apiSend('POST', `/review/rounds/${roundId}/consolidate`, { city: city.city });
      onChanged(t('review.round.consolidatedCity', { city: city.cityName }));
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const headingId = `city-${city.city}`;
  return (
    <article className="round-city panel" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {city.cityName} · {city.year}
      </h3>
      <p>
        {city.consolidatedAt ? (
          <strong>
            <span aria-hidden="true">● </span>
            {t('review.round.consolidatedOn')} <Time iso={city.consolidatedAt} withTime={false} />
          </strong>
        ) : city.ready ? (
          <strong>
            <span aria-hidden="true">✓ </span>
            {t('review.round.ready')}
          </strong>
        ) : (
          <>
            <span aria-hidden="true">… </span>
            {t('review.round.notReady')}
          </>
        )}
      </p>
      {city.blockers.length > 0 && !city.consolidatedAt ? (
        <ul className="blockers">
          {city.blockers.map((b) => (
            <li key={b} lang="en">
              {b}
            </li>
          ))}
        </ul>
      ) : null}
      <h4>{t('review.round.reviewers', { n: active, min: minReviewers })}</h4>
      {city.reviewers.length === 0 ? (
        <p className="muted">{t('review.round.noReviewers')}</p>
      ) : (
        <ul className="plain-list round-city__reviewers">
          {city.reviewers.map((r) => (
            <li key={r.assignmentId}>
              <strong>{r.name}</strong> · <AssignmentState assignment={r} /> ·{' '}
              <Progress rated={r.rated} total={measurements} />
            </li>
          ))}
        </ul>
      )}
      {open && !city.consolidatedAt ? (
        <div className="form__actions">
          <Button
            className="button button--secondary button--small"
            aria-expanded={showCandidates}
            onPress={() => setShowCandidates((s) => !s)}
          >
            {showCandidates ? t('review.round.hideCandidates') : t('review.round.assignReviewers')}
            <span className="visually-hidden"> — {city.cityName}</span>
          </Button>
          {city.ready ? (
            <BusyButton className="button button--small" busy={busy} onPress={() => void consolidate()}>
              {t('review.round.consolidateCity', { city: city.cityName })}
            </BusyButton>
          ) : null}
        </div>
      ) : null}
      {showCandidates && open ? <Candidates roundId={roundId} city={city} onChanged={onChanged} /> : null}
      {error ? <FormAlert>{say(error)}</FormAlert> : null}
    </article>
  );
}

function AddCycle({ roundId, present, onChanged }: { roundId: string; present: City[]; onChanged: Changed }) {
  const { t } = useTranslation();
  const say = useReviewProblem();
  const queue = useApi<{ items: QueueItem[] }>('/review-queue', {}, { personal: true });
  const [choice, setChoice] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const options = (queue.data?.items ?? [])
    .filter((q) => !present.some((c) => c.city === q.city))
    .map((q) => ({ id: `${q.city}|${q.year}`, text: `${q.cityName} · ${q.year}` }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || choice === '') return;
    const [city = '', year = ''] = choice.split('|');
    setBusy(true);
    setError(undefined);
    try {
      await apiSend('POST', `/review/rounds/${roundId}/cycles`, { city, year: Number(year) });
      setChoice('');
      queue.retry();
      onChanged(t('review.round.cycleAdded', { city: options.find((o) => o.id === choice)?.text ?? city }));
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  if (queue.error) return <PageError error={queue.error} onRetry={queue.retry} />;
  return (
    <Form className="form form--inline" onSubmit={submit}>
      {options.length === 0 ? (
        <p>{t('review.round.noSubmitted')}</p>
      ) : (
        <>
          <SelectField
            label={t('review.round.submittedCycle')}
            options={options}
            value={choice}
            onChange={setChoice}
            isRequired
          />
          <div className="form__actions">
            <SubmitButton busy={busy}>{t('review.round.addCycle')}</SubmitButton>
          </div>
        </>
      )}
      {error ? <FormAlert>{say(error)}</FormAlert> : null}
    </Form>
  );
}

function Acknowledge({ roundId, flag, onChanged }: { roundId: string; flag: FlagOut; onChanged: Changed }) {
  const { t } = useTranslation();
  const say = useReviewProblem();
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await apiSend(
        'POST',
        `/review/rounds/${roundId}/flags/${encodeURIComponent(flag.city)}/${encodeURIComponent(flag.measurementId)}/acknowledge`,
        { comment },
      );
      onChanged(t('review.round.acknowledged', { id: flag.measurementId }));
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  if (!open) {
    return (
      <Button className="text-link-button" onPress={() => setOpen(true)}>
        {t('review.round.acknowledge')}
        <span className="visually-hidden"> — {flag.measurementId}</span>
      </Button>
    );
  }
  return (
    <Form className="form" onSubmit={submit}>
      <TextField className="field" value={comment} onChange={setComment} isRequired>
        <Label className="field__label">{t('review.round.acknowledgeReason')}</Label>
        <TextArea className="field__input field__textarea" rows={3} dir="auto" />
      </TextField>
      <div className="form__actions">
        <SubmitButton busy={busy}>{t('review.round.acknowledgeSubmit')}</SubmitButton>
      </div>
      {error ? <FormAlert>{say(error)}</FormAlert> : null}
    </Form>
  );
}

function Flags({ dashboard, onChanged }: { dashboard: RoundDashboard; onChanged: Changed }) {
  const { t } = useTranslation();
  const catalogue = useExpertCatalogue();
  const names = new Map(dashboard.cities.map((c) => [c.city, c.cityName]));
  const open = dashboard.round.state === 'open';
  if (dashboard.flags.length === 0) return <p>{t('review.round.noFlags')}</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it.
    <section className="table-scroll" aria-labelledby="flags-heading" tabIndex={0}>
      <table className="data-table flags-table">
        <thead>
          <tr>
            <th scope="col">{t('review.round.city')}</th>
            <th scope="col">{t('review.results.measurement')}</th>
            <th scope="col" className="num">
              {t('review.round.spread')}
            </th>
            <th scope="col">{t('review.round.flagState')}</th>
          </tr>
        </thead>
        <tbody>
          {dashboard.flags.map((f) => (
            <tr key={`${f.city}|${f.measurementId}`}>
              <td>{names.get(f.city) ?? f.city}</td>
              <th scope="row">
                <span className="code">{f.measurementId}</span> {catalogue.name(f.measurementId, '')}
              </th>
              <td className="num">{f.spread}</td>
              <td>
                <span className={`flag-state flag-state--${f.state}`}>
                  <span aria-hidden="true">{f.state === 'open' ? '⚑ ' : '✓ '}</span>
                  {t(`review.flagState.${f.state}`)}
                </span>
                {f.comment ? (
                  <>
                    <br />
                    <span dir="auto">{f.comment}</span>
                  </>
                ) : null}
                {f.state === 'open' && open ? (
                  <>
                    <br />
                    <Acknowledge roundId={dashboard.round.id} flag={f} onChanged={onChanged} />
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Agreement({ dashboard }: { dashboard: RoundDashboard }) {
  const { t } = useTranslation();
  const catalogue = useExpertCatalogue();
  const levelName = useLevelName();
  const { agreement } = dashboard;
  return (
    <>
      <p>{t('review.round.agreementIntro', { level: levelName(agreement.level) })}</p>
      <dl className="facts agreement-facts">
        <div>
          <dt>{t('review.round.initial')}</dt>
          <dd>
            <AgreementText agreement={agreement.initial} />
          </dd>
        </div>
        <div>
          <dt>{t('review.round.final')}</dt>
          <dd>
            <AgreementText agreement={agreement.final} />
          </dd>
        </div>
      </dl>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it. */}
      <section className="table-scroll" aria-labelledby="agreement-table-caption" tabIndex={0}>
        <table className="data-table agreement-table">
          <caption id="agreement-table-caption">{t('review.round.perMeasurement')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('review.results.measurement')}</th>
              <th scope="col">{t('review.round.initial')}</th>
              <th scope="col">{t('review.round.final')}</th>
            </tr>
          </thead>
          <tbody>
            {agreement.measurements.map((m) => (
              <tr key={m.measurementId}>
                <th scope="row">
                  <span className="code">{m.measurementId}</span> {catalogue.name(m.measurementId, '')}
                </th>
                <td>
                  <AgreementText agreement={m.initial} />
                </td>
                <td>
                  <AgreementText agreement={m.final} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

function Dashboard({ id }: { id: string }) {
  const { t } = useTranslation();
  const ruleName = useRuleName();
  const levelName = useLevelName();
  const say = useReviewProblem();
  const lang = useLang();
  const number = new Intl.NumberFormat(lang);
  const dashboard = useApi<RoundDashboard>(`/review/rounds/${id}/dashboard`, {}, { personal: true });
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const data = dashboard.data;
  useDocumentTitle(data ? data.round.name : t('review.rounds.title'));
  if (dashboard.error) return <PageError error={dashboard.error} onRetry={dashboard.retry} />;
  if (!data) return <Loading lines={6} />;
  const { round, progress } = data;
  const open = round.state === 'open';
  const changed: Changed = (message) => {
    setDone(message);
    dashboard.retry();
  };

  const consolidateAll = async () => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const out = await apiSend<{ consolidated: { city: string }[] }>('POST', `/review/rounds/${id}/consolidate`, {});
      changed(t('review.round.consolidatedAll', { n: out.consolidated.length }));
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page page--review">
      <p className="breadcrumb">
        <Link href="/admin/review-rounds">
          <span aria-hidden="true" className="flip">
            ←{' '}
          </span>
          {t('review.rounds.title')}
        </Link>
      </p>
      <PageHeading>{round.name}</PageHeading>
      <dl className="facts round-facts">
        <div>
          <dt>{t('review.rounds.state')}</dt>
          <dd>
            <RoundState state={round.state} />
          </dd>
        </div>
        <div>
          <dt>{t('review.rounds.deadline')}</dt>
          <dd>{open ? <DaysLeft deadline={round.deadline} /> : <Time iso={round.deadline} withTime={false} />}</dd>
        </div>
        <div>
          <dt>{t('review.rounds.reminder')}</dt>
          <dd>{number.format(round.reminderDaysBefore)}</dd>
        </div>
        <div>
          <dt>{t('review.rounds.rule')}</dt>
          <dd>{ruleName(round.consolidationRule)}</dd>
        </div>
        <div>
          <dt>{t('review.rounds.alphaLevel')}</dt>
          <dd>{levelName(round.alphaLevel)}</dd>
        </div>
        <div>
          <dt>{t('review.rounds.minReviewers')}</dt>
          <dd>{number.format(round.minReviewers)}</dd>
        </div>
        <div>
          <dt>{t('review.round.progress')}</dt>
          <dd>
            {t('review.round.progressValue', {
              submitted: number.format(progress.submitted),
              assignments: number.format(progress.assignments),
              consolidated: number.format(progress.consolidated),
              cities: number.format(progress.cities),
            })}
          </dd>
        </div>
      </dl>
      <FormStatus>{done}</FormStatus>

      <section aria-labelledby="cities-heading" className="workspace-section">
        <h2 id="cities-heading">{t('review.round.citiesHeading')}</h2>
        {open ? <AddCycle roundId={id} present={data.cities} onChanged={changed} /> : null}
        {data.cities.length === 0 ? (
          <p>{t('review.round.noCities')}</p>
        ) : (
          <div className="round-cities">
            {data.cities.map((c) => (
              <CityCard
                key={c.city}
                roundId={id}
                city={c}
                open={open}
                minReviewers={round.minReviewers}
                measurements={data.agreement.measurements.length}
                onChanged={changed}
              />
            ))}
          </div>
        )}
        {open && data.cities.some((c) => c.ready) ? (
          <div className="form__actions">
            <BusyButton busy={busy} onPress={() => void consolidateAll()}>
              {t('review.round.consolidateAll')}
            </BusyButton>
          </div>
        ) : null}
        {error ? <FormAlert>{say(error)}</FormAlert> : null}
      </section>

      <section aria-labelledby="flags-heading" className="workspace-section">
        <h2 id="flags-heading">{t('review.round.flagsHeading')}</h2>
        <p>{t('review.round.flagsIntro')}</p>
        <Flags dashboard={data} onChanged={changed} />
      </section>

      <section aria-labelledby="agreement-heading" className="workspace-section">
        <h2 id="agreement-heading">{t('review.round.agreementHeading')}</h2>
        <Agreement dashboard={data} />
      </section>

      <section aria-labelledby="workload-heading" className="workspace-section">
        <h2 id="workload-heading">{t('review.round.workloadHeading')}</h2>
        {data.workload.length === 0 ? (
          <p>{t('review.round.noReviewers')}</p>
        ) : (
          <ul className="plain-list">
            {data.workload.map((w) => (
              <li key={w.reviewerId}>
                <strong>{w.name}</strong>:{' '}
                {t('review.round.workloadLine', {
                  assigned: number.format(w.assigned),
                  submitted: number.format(w.submitted),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function RoundWorkspace({ me, id }: { me: MeResponse; id: string }) {
  if (!isStaff(me)) return <NotAllowed />;
  return <Dashboard id={id} />;
}

/** One review round: cycles and assignments, progress, flags, agreement, consolidation. */
export default function RoundPage() {
  const { id = '' } = useParams();
  return <RequireSession>{(me) => <RoundWorkspace me={me} id={id} />}</RequireSession>;
}
