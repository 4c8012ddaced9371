import type { ReviewResults } from '@lco/core';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/useApi.ts';
import { useLang } from '../../i18n/useLang.ts';
import { PageError } from '../Access.tsx';
import { LText } from '../LText.tsx';
import { Time } from '../roles.tsx';
import { Loading } from '../Status.tsx';
import {
  type AnonymousRating,
  expertMeasurementsOf,
  RatingText,
  useFigure,
  useLevelName,
  useRatingLabels,
  useRuleName,
} from './common.tsx';

/** "Reviewer 2" as the server names an anonymous reviewer, in the interface language. */
export function useReviewerName() {
  const { t } = useTranslation();
  return (reviewer: string) => {
    const n = /(\d+)$/.exec(reviewer)?.[1];
    return n ? t('review.reviewerN', { n }) : reviewer;
  };
}

/** Other reviewers' ratings with their rationales, anonymised; each a version of her rating. */
export function AnonymousRatings({ ratings }: { ratings: readonly AnonymousRating[] }) {
  const { t } = useTranslation();
  const reviewerName = useReviewerName();
  const labels = useRatingLabels();
  return (
    <ul className="plain-list rationales">
      {ratings.map((r) => (
        <li key={`${r.reviewer}|${r.version}`} className="rationale">
          <p className="rationale__head">
            <strong>{reviewerName(r.reviewer)}</strong>: <RatingText value={r.value} name={labels.name} />
            {r.version > 1 ? <span className="muted"> {t('review.revisedVersion', { n: r.version })}</span> : null}
          </p>
          <p className="rationale__text" dir="auto">
            {r.rationale}
          </p>
        </li>
      ))}
    </ul>
  );
}

/**
 * A city's consolidated expert ratings for a cycle: one figure per measurement with the rule, the number of
 * reviewers and the agreement, and the reviewers' rationales (anonymised). Nothing while no round is consolidated.
 */
export function ReviewResultsView({
  slug,
  year,
  headingLevel = 2,
  empty = null,
}: {
  slug: string;
  year: number;
  headingLevel?: 2 | 3;
  /** What to show while no round has been consolidated. */
  empty?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const figure = useFigure();
  const ruleName = useRuleName();
  const levelName = useLevelName();
  const labels = useRatingLabels();
  const results = useApi<ReviewResults>(
    `/cities/${encodeURIComponent(slug)}/cycles/${year}/review-results`,
    {},
    { personal: true },
  );
  const alpha = new Intl.NumberFormat(lang, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  const count = new Intl.NumberFormat(lang);
  if (results.error) {
    return results.error.status === 404 ? empty : <PageError error={results.error} onRetry={results.retry} />;
  }
  if (!results.data) return <Loading lines={2} />;
  if (results.data.rounds.length === 0) return <>{empty}</>;
  const names = new Map(
    (labels.framework.data ? expertMeasurementsOf(labels.framework.data) : []).map((m) => [m.id, m.name]),
  );
  const nameOf = (id: string, fallback: string) => {
    const name = names.get(id);
    return name ? <LText value={name} /> : <span lang="en">{fallback}</span>;
  };
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const H2 = headingLevel === 2 ? 'h3' : 'h4';

  return (
    <div className="review-results">
      {results.data.rounds.map((round) => {
        const headingId = `results-${round.roundId}`;
        return (
          <section key={round.roundId} aria-labelledby={headingId} className="review-results__round">
            <H id={headingId}>{t('review.results.heading', { round: round.roundName })}</H>
            <p>
              {t('review.results.rule', { rule: ruleName(round.rule), level: levelName(round.alphaLevel) })} ·{' '}
              {t('review.results.consolidatedAt')} <Time iso={round.consolidatedAt} withTime={false} />
            </p>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it. */}
            <section className="table-scroll" aria-label={t('review.results.rating')} tabIndex={0}>
              <table className="data-table results-table">
                <thead>
                  <tr>
                    <th scope="col">{t('review.results.measurement')}</th>
                    <th scope="col" className="num">
                      {t('review.results.rating')}
                    </th>
                    <th scope="col" className="num">
                      {t('review.results.reviewers')}
                    </th>
                    <th scope="col">{t('review.results.agreement')}</th>
                  </tr>
                </thead>
                <tbody>
                  {round.measurements.map((m) => {
                    const rounded = m.value === null ? null : Math.round(Number(m.value));
                    return (
                      <tr key={m.measurementId}>
                        <th scope="row">
                          <span className="code">{m.measurementId}</span> {nameOf(m.measurementId, m.name)}
                        </th>
                        <td className="num nowrap">
                          {m.value === null ? (
                            <span className="muted">{t('review.results.noRating')}</span>
                          ) : (
                            <>
                              <strong>{figure(m.value)}</strong>
                              {rounded !== null && rounded === Number(m.value) ? <> {labels.name(rounded)}</> : null}
                            </>
                          )}
                        </td>
                        <td className="num">{count.format(m.reviewers)}</td>
                        <td className="nowrap">
                          {m.alpha === null ? t('review.agreement.notComputable') : `α = ${alpha.format(m.alpha)}`}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
            <H2>{t('review.results.rationales')}</H2>
            <p>{t('review.results.rationalesIntro')}</p>
            {round.measurements.map((m) => (
              <div key={m.measurementId} className="review-results__measurement">
                <p className="review-results__name">
                  <span className="code">{m.measurementId}</span> {nameOf(m.measurementId, m.name)}
                </p>
                <AnonymousRatings ratings={m.ratings} />
              </div>
            ))}
          </section>
        );
      })}
    </div>
  );
}
