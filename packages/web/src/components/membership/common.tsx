import type { ApplicationOut, ApplicationState, ComplianceStatus, RegionCode, RegionsResponse } from '@lco/core';
import type { ReactNode } from 'react';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { useLang } from '../../i18n/useLang.ts';
import { useProblem } from '../forms.tsx';
import { LText } from '../LText.tsx';
import { Time } from '../roles.tsx';
import { ScrollTable } from '../ScrollTable.tsx';

export const APPLICATIONS = '/membership-applications';
export const applicationHref = (id: string) => `/membership/applications/${id}`;

const STATE_SYMBOL: Record<ApplicationState, string> = {
  draft: '✎',
  signed: '✍',
  submitted: '➜',
  endorsed: '✓',
  declined: '✗',
  recommended: '★',
  accepted: '●',
  'not-accepted': '⊘',
  expired: '⌛',
};

/** An application's state in words with a symbol (never colour alone). */
export function ApplicationStateBadge({ state }: { state: ApplicationState }) {
  const { t } = useTranslation();
  return (
    <span className={`membership-state membership-state--${state}`}>
      <span aria-hidden="true">{STATE_SYMBOL[state]} </span>
      {t(`networkMembership.state.${state}`)}
    </span>
  );
}

const COMPLIANCE_SYMBOL: Record<ComplianceStatus, string> = { 'on-time': '✓', due: '◔', overdue: '⚠', missing: '✗' };

/** A member's reporting status in words with a symbol. */
export function ComplianceBadge({ status }: { status: ComplianceStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`compliance compliance--${status}`}>
      <span aria-hidden="true">{COMPLIANCE_SYMBOL[status]} </span>
      {t(`networkMembership.compliance.${status}`)}
    </span>
  );
}

/** UNESCO regions named in the interface language (from the directory). */
export function useRegionNames(): (code: RegionCode) => ReactNode {
  const regions = useApi<RegionsResponse>('/regions');
  const names = new Map((regions.data?.items ?? []).map((r) => [r.code, r.name]));
  return (code) => {
    const name = names.get(code);
    return name ? <LText value={name} /> : code;
  };
}

/** The National Commission's deadline: the date, with the days left or how long ago it passed. */
export function DeadlineText({ application }: { application: ApplicationOut }) {
  const { t } = useTranslation();
  const lang = useLang();
  const number = new Intl.NumberFormat(lang);
  if (!application.endorsementDeadline || application.daysToDeadline === null) return <>—</>;
  const days = application.daysToDeadline;
  return (
    <span className={application.deadlinePassed ? 'deadline deadline--passed' : 'deadline'}>
      <Time iso={application.endorsementDeadline} withTime={false} />{' '}
      {application.deadlinePassed ? (
        <strong>
          <span aria-hidden="true">⚠ </span>
          {t('networkMembership.deadline.passed', { n: number.format(-days) })}
        </strong>
      ) : (
        <span>({t('networkMembership.deadline.left', { n: number.format(days) })})</span>
      )}
    </span>
  );
}

/** Applications as a table: city (to its page), country and region, call, state, deadline. */
export function ApplicationsTable({ items, caption }: { items: readonly ApplicationOut[]; caption: string }) {
  const { t } = useTranslation();
  const region = useRegionNames();
  if (items.length === 0) return <p>{t('networkMembership.applications.none')}</p>;
  return (
    <ScrollTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t('networkMembership.applications.city')}</th>
          <th scope="col">{t('networkMembership.applications.region')}</th>
          <th scope="col">{t('networkMembership.applications.call')}</th>
          <th scope="col">{t('networkMembership.applications.state')}</th>
          <th scope="col">{t('networkMembership.applications.deadline')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((a) => (
          <tr key={a.id}>
            <th scope="row">
              <Link href={applicationHref(a.id)}>{a.city.name}</Link> <span className="code">{a.city.countryIso2}</span>
            </th>
            <td>{region(a.city.region)}</td>
            <td>{a.call.name}</td>
            <td>
              <ApplicationStateBadge state={a.state} />
              {a.recommendation ? (
                <span className="muted"> · {t(`networkMembership.recommendation.${a.recommendation}`)}</span>
              ) : null}
            </td>
            <td className="nowrap">
              <DeadlineText application={a} />
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

/**
 * Membership refusals in the interface's words where it has them; a rule the server names (window, quota,
 * deadline, state, a missing field) is said with the server's own sentence, which names it.
 */
export function useMembershipProblem(): (error: ApiError) => string {
  const problem = useProblem();
  return (error) => {
    const type = error.problem?.type ?? '';
    if (type.startsWith('/problems/membership/') || error.status === 413 || error.status === 415) {
      return error.problem?.detail || error.message;
    }
    return problem.message(error);
  };
}
