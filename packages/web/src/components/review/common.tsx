import type { AgreementOut, AssignmentDetail, ConsolidationRule, FrameworkResponse, RoundOut } from '@lco/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { useLang } from '../../i18n/useLang.ts';
import { useProblem } from '../forms.tsx';
import { EnglishText, LText } from '../LText.tsx';
import { ServerDetail } from '../monitoring/cycle.tsx';

export type AlphaLevel = RoundOut['alphaLevel'];
export type AnonymousRating = NonNullable<AssignmentDetail['measurements'][number]['others']>[number];
export type RatingValue = 1 | 2 | 3 | 4 | 5;
export const RATING_VALUES: readonly RatingValue[] = [5, 4, 3, 2, 1];
// The settings a round chooses from (REVIEW_ALPHA_LEVELS and CONSOLIDATION_RULES of @lco/core, which live
// beside zod and so stay out of the bundle); `satisfies` keeps them in step.
export const ALPHA_LEVELS = ['nominal', 'ordinal', 'interval', 'ratio'] as const satisfies readonly AlphaLevel[];
export const RULES = ['median', 'mean', 'mode'] as const satisfies readonly ConsolidationRule[];

/** The 1–5 scale's level names (5 Excellent … 1 Poor) in the interface language, from the catalogue. */
export function useRatingLabels() {
  const framework = useApi<FrameworkResponse>('/framework');
  const labels = new Map((framework.data?.ratingLabels ?? []).map((l) => [l.value, l.label]));
  return {
    framework,
    /** The level's name as catalogue text (with the visible English fallback), or its number alone. */
    name: (value: number): ReactNode => {
      const label = labels.get(value);
      return label ? <LText value={label} /> : null;
    },
    /** Plain text for accessible names and options. */
    text: (value: number): string => labels.get(value)?.text ?? String(value),
  };
}

/** "4 · Very good"; "cannot rate" for a reasoned abstention. */
export function RatingText({ value, name }: { value: number | null; name: (value: number) => ReactNode }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (value === null) return <span className="rating-text rating-text--none">{t('review.cannotRate')}</span>;
  return (
    <span className="rating-text">
      <span className="rating-text__value">{new Intl.NumberFormat(lang).format(value)}</span> {name(value)}
    </span>
  );
}

/** A consolidated figure, given as exact text ("3.5"), in the interface language. */
export function useFigure() {
  const lang = useLang();
  const format = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  return (value: string | number) => format.format(Number(value));
}

/** Krippendorff's alpha with what it rests on, or "not computable" with the reason. */
export function AgreementText({ agreement }: { agreement: AgreementOut }) {
  const { t } = useTranslation();
  const lang = useLang();
  const number = new Intl.NumberFormat(lang);
  const alpha = new Intl.NumberFormat(lang, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  if (agreement.alpha === null) {
    return (
      <span className="agreement agreement--none">
        {t('review.agreement.notComputable')}
        {agreement.reason ? (
          <>
            {' '}
            <span className="muted">
              (
              <bdi>
                <EnglishText text={agreement.reason} />
              </bdi>
              )
            </span>
          </>
        ) : null}
      </span>
    );
  }
  return (
    <span className="agreement">
      <span className="agreement__alpha">α = {alpha.format(agreement.alpha)}</span>{' '}
      <span className="muted">
        {t('review.agreement.basis', {
          units: number.format(agreement.units),
          pairable: number.format(agreement.pairable),
          raters: number.format(agreement.raters),
        })}
      </span>
    </span>
  );
}

/** "in 12 days", "today", "3 days late", with the date. */
export function DaysLeft({ deadline, now = Date.now() }: { deadline: string; now?: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const days = Math.ceil((new Date(deadline).getTime() - now) / 86_400_000);
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(deadline));
  const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(days, 'day');
  return (
    <span className={days < 0 ? 'days-left days-left--late' : 'days-left'}>
      <time dateTime={deadline}>{date}</time> ({days < 0 ? t('review.late', { when: relative }) : relative})
    </span>
  );
}

export function useRuleName() {
  const { t } = useTranslation();
  return (rule: ConsolidationRule) => t(`review.rule.${rule}`);
}

export function useLevelName() {
  const { t } = useTranslation();
  return (level: AlphaLevel) => t(`review.alphaLevel.${level}`);
}

// The stable problem types of expert review (the server's review.problems.ts), said in the interface language.
const REVIEW_PROBLEMS = {
  '/problems/review/word-limit': 'wordLimit',
  '/problems/review/cycle-locked': 'cycleLocked',
  '/problems/review/cycle-not-submitted': 'cycleNotSubmitted',
  '/problems/review/round-not-open': 'roundNotOpen',
  '/problems/review/same-country': 'sameCountry',
  '/problems/review/conflict-of-interest': 'conflictOfInterest',
  '/problems/review/country-unknown': 'countryUnknown',
  '/problems/review/already-assigned': 'alreadyAssigned',
  '/problems/review/not-an-expert': 'notAnExpert',
  '/problems/review/not-assigned': 'notAssigned',
  '/problems/review/rating-locked': 'ratingLocked',
  '/problems/review/already-submitted': 'alreadySubmitted',
  '/problems/review/incomplete': 'incomplete',
  '/problems/review/blind': 'blind',
  '/problems/review/not-flagged': 'notFlagged',
  '/problems/review/not-ready': 'notReady',
  '/problems/review/recused': 'recused',
} as const;

/** A refusal of the review API as a sentence in the interface language, the server's English detail after it. */
export function useReviewProblem() {
  const { t } = useTranslation();
  const problem = useProblem();
  return (error: ApiError): ReactNode => {
    const type = error.problem?.type as keyof typeof REVIEW_PROBLEMS | undefined;
    const known = type ? REVIEW_PROBLEMS[type] : undefined;
    if (known) return <ServerDetail lead={t(`review.problem.${known}`)} detail={error.problem?.detail} />;
    if (error.status === 409)
      return <ServerDetail lead={t('review.problem.conflict')} detail={error.problem?.detail} />;
    if (error.status === 404)
      return <ServerDetail lead={t('review.problem.notFound')} detail={error.problem?.detail} />;
    return problem.message(error);
  };
}

/** The expert measurements with their catalogue name and definition, in catalogue order. */
export function expertMeasurementsOf(framework: FrameworkResponse, ids?: readonly string[]) {
  const all = framework.areas.flatMap((a) =>
    a.focusAreas.flatMap((fa) => fa.features.flatMap((f) => f.measurements.filter((m) => m.source === 'expert'))),
  );
  return ids ? all.filter((m) => ids.includes(m.id)) : all;
}

/** The catalogue's name and definition of an expert measurement in the interface language (LText), by id. */
export function useExpertCatalogue() {
  const framework = useApi<FrameworkResponse>('/framework');
  const byId = new Map((framework.data ? expertMeasurementsOf(framework.data) : []).map((m) => [m.id, m]));
  return {
    name: (id: string, fallback: string): ReactNode => {
      const m = byId.get(id);
      return m ? <LText value={m.name} /> : <span lang="en">{fallback}</span>;
    },
    definition: (id: string, fallback: string): ReactNode => {
      const m = byId.get(id);
      return m ? <LText value={m.definition} /> : <span lang="en">{fallback}</span>;
    },
  };
}
