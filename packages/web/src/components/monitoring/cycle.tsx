import type { CycleDetail, CycleState, ObservationOut } from '@lco/core';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { EnglishText } from '../LText.tsx';
import { Time } from '../roles.tsx';

const STATE_ICONS: Readonly<Record<CycleState, string>> = {
  draft: '✎',
  submitted: '➜',
  accepted: '✓',
  returned: '↩',
};

/** The state of a cycle as icon and word (never colour alone). */
export function CycleStateBadge({ state }: { state: CycleState }) {
  const { t } = useTranslation();
  return (
    <span className={`badge cycle-state cycle-state--${state}`}>
      <span aria-hidden="true">{STATE_ICONS[state]} </span>
      {t(`monitoring.cycleState.${state}`)}
    </span>
  );
}

/** States in which the city team may still change a cycle's values (the server's rule, cycle.service.ts). */
export const EDITABLE_STATES: readonly CycleState[] = ['draft', 'returned'];

/** The API path of one value of a cycle. */
export function observationPath(slug: string, year: number, measurementId: string, breakdown: string): string {
  return `/cities/${encodeURIComponent(slug)}/cycles/${year}/observations/${encodeURIComponent(measurementId)}/${encodeURIComponent(breakdown)}`;
}

/** Key of a value within one cycle. */
export const observationKey = (o: Pick<ObservationOut, 'measurementId' | 'breakdown'>) =>
  `${o.measurementId}|${o.breakdown}`;

/** What happened to a cycle, oldest first: who moved it from which state to which, and why. */
export function CycleHistory({ history }: { history: CycleDetail['history'] }) {
  const { t } = useTranslation();
  if (history.length === 0) return <p>{t('monitoring.cycle.noHistory')}</p>;
  return (
    <ol className="cycle-history">
      {history.map((event) => (
        <li key={`${event.at}|${event.to}`}>
          <Time iso={event.at} />{' '}
          {event.from
            ? t('monitoring.cycle.moved', {
                from: t(`monitoring.cycleState.${event.from}`),
                to: t(`monitoring.cycleState.${event.to}`),
              })
            : t('monitoring.cycle.opened')}
          {event.by ? (
            <>
              {' '}
              {t('monitoring.cycle.by')} <bdi>{event.by}</bdi>
            </>
          ) : null}
          {event.comment ? (
            <>
              {' — '}
              <span dir="auto">{event.comment}</span>
            </>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/**
 * The secretariat's comments on a cycle (on the whole report or one measurement). With `onShow`, a
 * measurement's code is a button that goes to it (the city team's data entry).
 */
export function CycleComments({
  comments,
  onShow,
}: {
  comments: CycleDetail['comments'];
  onShow?: (measurementId: string) => void;
}) {
  const { t } = useTranslation();
  if (comments.length === 0) return <p>{t('monitoring.cycle.noComments')}</p>;
  return (
    <ul className="cycle-comments plain-list">
      {comments.map((c) => (
        <li key={`${c.at}|${c.measurementId}|${c.comment}`} className="cycle-comment">
          <p className="cycle-comment__meta">
            {c.measurementId && onShow ? (
              <Button className="text-link-button" onPress={() => c.measurementId && onShow(c.measurementId)}>
                <span className="code">{c.measurementId}</span>
                <span className="visually-hidden"> {t('monitoring.cycle.goToMeasurement')}</span>
              </Button>
            ) : c.measurementId ? (
              <span className="code">{c.measurementId}</span>
            ) : (
              t('monitoring.cycle.wholeReport')
            )}
            {' · '}
            <Time iso={c.at} />
          </p>
          <p dir="auto">{c.comment}</p>
        </li>
      ))}
    </ul>
  );
}

/** A server message in English, after the interface's own sentence (problem details are English). */
export function ServerDetail({ lead, detail }: { lead: string; detail: string | undefined }) {
  return (
    <>
      {lead}
      {detail ? (
        <>
          {' '}
          <bdi>
            <EnglishText text={detail} />
          </bdi>
        </>
      ) : null}
    </>
  );
}
