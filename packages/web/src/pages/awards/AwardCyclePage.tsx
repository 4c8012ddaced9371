import type { AwardBallot, AwardCycleAction, AwardCycleOut, AwardVoteTally, MeResponse, ReviewBoard } from '@lco/core';
import { Fragment, useState } from 'react';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type ApiError, apiSend, asApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { PageError, RequireSession } from '../../components/Access.tsx';
import {
  AWARD_APPLICATIONS,
  AWARD_CYCLES,
  AwardStateBadge,
  awardApplicationHref,
  useAwardProblem,
} from '../../components/awards/common.tsx';
import { BusyButton, FormAlert } from '../../components/forms.tsx';
import { LText } from '../../components/LText.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Loading } from '../../components/Status.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useLang } from '../../i18n/useLang.ts';
import '../../styles/accounts.css';
import '../../styles/workspace.css';

/** The secretariat's review board: per application and criterion, each reviewer's score, the mean and the spread. */
function Board({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  const board = useApi<ReviewBoard>(`${AWARD_CYCLES}/${cycleId}/review-board`, {}, { personal: true });
  if (board.error) return <PageError error={board.error} onRetry={board.retry} />;
  if (!board.data) return <Loading lines={4} />;
  if (board.data.items.length === 0) return <p>{t('awards.board.empty')}</p>;
  return (
    <ScrollTable caption={t('awards.board.caption')}>
      <thead>
        <tr>
          <th scope="col">{t('awards.applications.city')}</th>
          <th scope="col">{t('awards.board.criterion')}</th>
          <th scope="col">{t('awards.board.scores')}</th>
          <th scope="col" className="num">
            {t('awards.board.mean')}
          </th>
          <th scope="col" className="num">
            {t('awards.board.spread')}
          </th>
        </tr>
      </thead>
      <tbody>
        {board.data.items.map((item) => (
          <Fragment key={item.application.id}>
            {item.criteria.map((c, i) => {
              const criterion = board.data?.criteria.find((k) => k.id === c.criterion);
              return (
                <tr key={c.criterion}>
                  {i === 0 ? (
                    <th scope="rowgroup" rowSpan={item.criteria.length}>
                      <Link href={awardApplicationHref(item.application.id)}>{item.application.city.name}</Link>{' '}
                      <AwardStateBadge state={item.application.state} />
                      <br />
                      {t('awards.board.weighted', {
                        score: item.weightedScore === null ? '—' : number.format(item.weightedScore),
                        reviewers: item.reviewers,
                      })}
                    </th>
                  ) : null}
                  <td>{criterion ? <LText value={criterion.title} /> : c.criterion}</td>
                  <td>
                    {c.scores.length === 0
                      ? '—'
                      : c.scores.map((s) => (
                          <span key={s.reviewer} className="award-score" title={s.rationale}>
                            {s.reviewer}: {s.score}{' '}
                          </span>
                        ))}
                  </td>
                  <td className="num">{c.mean === null ? '—' : number.format(c.mean)}</td>
                  <td className="num">{c.spread === null ? '—' : number.format(c.spread)}</td>
                </tr>
              );
            })}
          </Fragment>
        ))}
      </tbody>
    </ScrollTable>
  );
}

/** The jury's ballot: the shortlist, each with a vote for or against, once. */
function Ballot({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const say = useAwardProblem();
  const loaded = useApi<AwardBallot>(`${AWARD_CYCLES}/${cycleId}/ballot`, {}, { personal: true });
  const [fresh, setFresh] = useState<AwardBallot>();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError>();
  const ballot = fresh ?? loaded.data;
  if (loaded.error) return <PageError error={loaded.error} onRetry={loaded.retry} />;
  if (!ballot) return <Loading lines={3} />;
  const vote = async (applicationId: string, value: 'for' | 'against') => {
    if (busy) return;
    setBusy(applicationId);
    setError(undefined);
    try {
      setFresh(await apiSend<AwardBallot>('POST', `${AWARD_APPLICATIONS}/${applicationId}/votes`, { vote: value }));
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <p>{t('awards.ballot.intro')}</p>
      {error ? <FormAlert>{say(error)}</FormAlert> : null}
      <ScrollTable caption={t('awards.ballot.caption')}>
        <thead>
          <tr>
            <th scope="col">{t('awards.applications.city')}</th>
            <th scope="col">{t('awards.ballot.myVote')}</th>
          </tr>
        </thead>
        <tbody>
          {ballot.items.map((item) => (
            <tr key={item.application.id}>
              <th scope="row">
                <Link href={awardApplicationHref(item.application.id)}>{item.application.city.name}</Link>
              </th>
              <td>
                {item.myVote ? (
                  t(`awards.vote.${item.myVote}`)
                ) : ballot.cycle.state === 'jury' ? (
                  <div className="button-row">
                    <BusyButton
                      busy={busy === item.application.id}
                      onPress={() => void vote(item.application.id, 'for')}
                    >
                      {t('awards.ballot.voteFor', { city: item.application.city.name })}
                    </BusyButton>
                    <BusyButton
                      className="button button--secondary"
                      busy={busy === item.application.id}
                      onPress={() => void vote(item.application.id, 'against')}
                    >
                      {t('awards.ballot.voteAgainst', { city: item.application.city.name })}
                    </BusyButton>
                  </div>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </>
  );
}

function Tally({ cycleId }: { cycleId: string }) {
  const { t } = useTranslation();
  const tally = useApi<AwardVoteTally>(`${AWARD_CYCLES}/${cycleId}/votes`, {}, { personal: true });
  if (tally.error) return <PageError error={tally.error} onRetry={tally.retry} />;
  if (!tally.data) return <Loading lines={3} />;
  return (
    <ScrollTable caption={t('awards.tally.caption', { jurors: tally.data.jurors })}>
      <thead>
        <tr>
          <th scope="col">{t('awards.applications.city')}</th>
          <th scope="col" className="num">
            {t('awards.vote.for')}
          </th>
          <th scope="col" className="num">
            {t('awards.vote.against')}
          </th>
          <th scope="col">{t('awards.tally.chosen')}</th>
        </tr>
      </thead>
      <tbody>
        {tally.data.items.map((item) => (
          <tr key={item.application.id}>
            <th scope="row">
              <Link href={awardApplicationHref(item.application.id)}>{item.application.city.name}</Link>{' '}
              <AwardStateBadge state={item.application.state} />
            </th>
            <td className="num">{item.for}</td>
            <td className="num">{item.against}</td>
            <td>{item.chosen ? t('awards.tally.yes') : t('awards.tally.no')}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

function CycleSteps({ cycle, onDone }: { cycle: AwardCycleOut; onDone: (c: AwardCycleOut) => void }) {
  const { t } = useTranslation();
  const say = useAwardProblem();
  const [busy, setBusy] = useState<AwardCycleAction | null>(null);
  const [error, setError] = useState<ApiError>();
  if (cycle.allowedActions.length === 0) return null;
  return (
    <div className="workspace-section">
      {error ? <FormAlert>{say(error)}</FormAlert> : null}
      <div className="button-row">
        {cycle.allowedActions.map((action) => (
          <BusyButton
            key={action}
            busy={busy === action}
            onPress={async () => {
              setBusy(action);
              setError(undefined);
              try {
                onDone(await apiSend<AwardCycleOut>('POST', `${AWARD_CYCLES}/${cycle.id}/transitions`, { action }));
              } catch (caught) {
                setError(asApiError(caught));
              } finally {
                setBusy(null);
              }
            }}
          >
            {t(`awards.cycleAction.${action}`)}
          </BusyButton>
        ))}
      </div>
    </div>
  );
}

function Cycle({ me, id }: { me: MeResponse; id: string }) {
  const { t } = useTranslation();
  const loaded = useApi<AwardCycleOut>(`${AWARD_CYCLES}/${id}`, {}, { personal: true });
  const [fresh, setFresh] = useState<AwardCycleOut>();
  const cycle = fresh ?? loaded.data;
  useDocumentTitle(cycle?.name ?? t('awards.workspace.title'));
  if (loaded.error) return <PageError error={loaded.error} onRetry={loaded.retry} />;
  if (!cycle) return <Loading lines={6} />;
  const staff = me.user.grants.some((g) => g.role === 'admin' || g.role === 'secretariat');
  const jury = me.user.grants.some((g) => g.role === 'jury');
  const closed = cycle.state === 'jury-closed' || cycle.state === 'announced';
  return (
    <div className="page page--awards">
      <PageHeading>{cycle.name}</PageHeading>
      <p>
        <strong>{t(`awards.cycleState.${cycle.state}`)}</strong> ·{' '}
        <Link href="/awards/workspace">{t('awards.workspace.title')}</Link>
      </p>
      <p className="muted">
        {t('awards.cycle.rulesSummary', {
          periodicity: cycle.rules.periodicityYears,
          months: cycle.rules.minMembershipMonths,
          exclusion: cycle.rules.exclusionYears,
          nominations: cycle.rules.nominationsPerCountry,
          perCountry: cycle.rules.maxAwardeesPerCountry,
        })}
      </p>
      {staff ? <CycleSteps key={cycle.state} cycle={cycle} onDone={setFresh} /> : null}
      {staff ? (
        <section aria-labelledby="board-heading" className="workspace-section">
          <h2 id="board-heading">{t('awards.board.heading')}</h2>
          <Board key={cycle.state} cycleId={cycle.id} />
        </section>
      ) : null}
      {jury && cycle.state !== 'open' ? (
        <section aria-labelledby="ballot-heading" className="workspace-section">
          <h2 id="ballot-heading">{t('awards.ballot.heading')}</h2>
          <Ballot cycleId={cycle.id} />
        </section>
      ) : null}
      {(staff || jury) && closed ? (
        <section aria-labelledby="tally-heading" className="workspace-section">
          <h2 id="tally-heading">{t('awards.tally.heading')}</h2>
          <Tally key={cycle.state} cycleId={cycle.id} />
        </section>
      ) : null}
    </div>
  );
}

/** One cycle: the secretariat's steps and review board, the jury's ballot, and the votes once the jury has closed. */
export default function AwardCyclePage() {
  const { id = '' } = useParams();
  return <RequireSession>{(me) => <Cycle me={me} id={id} />}</RequireSession>;
}
