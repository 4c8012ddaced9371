import type { CitySummary } from '@lco/core';
import { useTranslation } from 'react-i18next';

/** "Member since 2016", "Member (year unknown)", "Applicant"… */
export function MembershipText({ membership }: { membership: CitySummary['membership'] }) {
  const { t } = useTranslation();
  const status = t(`membership.${membership.status}`);
  if (membership.status === 'applicant') return <>{status}</>;
  return (
    <>
      {membership.since === null
        ? t('membership.sinceUnknown', { status })
        : t('membership.since', { status, year: String(membership.since) })}
    </>
  );
}

/** The years a city received the UNESCO Learning City Award, or nothing. */
export function AwardYears({ years }: { years: readonly number[] }) {
  const { t } = useTranslation();
  if (years.length === 0) return null;
  return (
    <span className="badge badge--award">
      <span aria-hidden="true">★ </span>
      {t('city.awardYears', { years: years.join(t('common.listSeparator')) })}
    </span>
  );
}
