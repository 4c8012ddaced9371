import type { AwardApplicationOut, AwardApplicationState, AwardCriterionId } from '@lco/core';
import { AWARD_CRITERIA } from '@lco/core/awards';
import { localize } from '@lco/core/i18n';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.ts';
import { useLang } from '../../i18n/useLang.ts';
import { useProblem } from '../forms.tsx';
import { ScrollTable } from '../ScrollTable.tsx';

export const AWARD_APPLICATIONS = '/award-applications';
export const AWARD_CYCLES = '/award-cycles';
export const awardApplicationHref = (id: string) => `/awards/applications/${id}`;
export const awardCycleHref = (id: string) => `/awards/cycles/${id}`;

/** A criterion's title in the interface language (English when a translation is missing, marked by `lang`). */
export function useCriterionTitle(): (id: AwardCriterionId) => string {
  const lang = useLang();
  return (id) => {
    const criterion = AWARD_CRITERIA.find((c) => c.id === id);
    return criterion ? localize(criterion.title, lang).text : id;
  };
}

export function AwardStateBadge({ state }: { state: AwardApplicationState }) {
  const { t } = useTranslation();
  return <span className={`badge badge--award-${state}`}>{t(`awards.state.${state}`)}</span>;
}

/** Applications as a table: city, cycle, state, and what the reader may do next. */
export function AwardApplicationsTable({ items, caption }: { items: readonly AwardApplicationOut[]; caption: string }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p>{t('awards.applications.none')}</p>;
  return (
    <ScrollTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t('awards.applications.city')}</th>
          <th scope="col">{t('awards.applications.cycle')}</th>
          <th scope="col">{t('awards.applications.state')}</th>
          <th scope="col">{t('awards.applications.next')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((a) => (
          <tr key={a.id}>
            <th scope="row">
              <Link href={awardApplicationHref(a.id)}>{a.city.name}</Link>{' '}
              <span className="muted">{a.city.countryIso2}</span>
            </th>
            <td>{a.cycle.name}</td>
            <td>
              <AwardStateBadge state={a.state} />
            </td>
            <td>{a.allowedActions.map((action) => t(`awards.action.${action}`)).join(', ') || '—'}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

/**
 * Award refusals: a rule the server names (deadline, eligibility, quota, scale, secrecy, state) is said with the
 * server's own sentence, which names it; anything else in the interface's words, as membership does.
 */
export function useAwardProblem(): (error: ApiError) => string {
  const problem = useProblem();
  return (error) => {
    const type = error.problem?.type ?? '';
    if (type.startsWith('/problems/awards/') || error.status === 413 || error.status === 415) {
      return error.problem?.detail || error.message;
    }
    return problem.message(error);
  };
}
