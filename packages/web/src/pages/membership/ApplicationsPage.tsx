import type { ApplicationOut, MembershipCallOut, MeResponse } from '@lco/core';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/useApi.ts';
import { PageError, RequireSession } from '../../components/Access.tsx';
import { APPLICATIONS, ApplicationsTable } from '../../components/membership/common.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Time } from '../../components/roles.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { Loading } from '../../components/Status.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useLang } from '../../i18n/useLang.ts';
import '../../styles/accounts.css';
import '../../styles/workspace.css';
import '../../styles/membership.css';

/** A National Commission's quota in each call that has applications from its country: used and remaining. */
function Quotas({
  country,
  calls,
  items,
}: {
  country: { ref: string; name: string };
  calls: readonly MembershipCallOut[];
  items: readonly ApplicationOut[];
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const number = new Intl.NumberFormat(lang);
  const relevant = calls.filter((c) => c.open || items.some((a) => a.call.id === c.id));
  if (relevant.length === 0) return <p>{t('networkMembership.commission.noCalls')}</p>;
  return (
    <ScrollTable caption={t('networkMembership.commission.quotaCaption', { country: country.name })}>
      <thead>
        <tr>
          <th scope="col">{t('networkMembership.applications.call')}</th>
          <th scope="col">{t('networkMembership.commission.closes')}</th>
          <th scope="col">{t('networkMembership.commission.days')}</th>
          <th scope="col" className="num">
            {t('networkMembership.commission.used')}
          </th>
          <th scope="col" className="num">
            {t('networkMembership.commission.remaining')}
          </th>
        </tr>
      </thead>
      <tbody>
        {relevant.map((call) => (
          <QuotaRow key={call.id} call={call} country={country.ref} number={number} />
        ))}
      </tbody>
    </ScrollTable>
  );
}

function QuotaRow({ call, country, number }: { call: MembershipCallOut; country: string; number: Intl.NumberFormat }) {
  const { t } = useTranslation();
  const quota = useApi<{ quota: number; used: number }>(
    `/membership-calls/${call.id}/quota/${country}`,
    {},
    { personal: true },
  );
  return (
    <tr>
      <th scope="row">{call.name}</th>
      <td>
        <Time iso={call.closesAt} withTime={false} />
      </td>
      <td>{t('networkMembership.commission.daysValue', { n: number.format(call.endorsementDays) })}</td>
      <td className="num">{quota.data ? number.format(quota.data.used) : '…'}</td>
      <td className="num">
        {quota.data ? number.format(Math.max(0, quota.data.quota - quota.data.used)) : '…'}
        {quota.data ? <span className="muted"> / {number.format(quota.data.quota)}</span> : null}
      </td>
    </tr>
  );
}

function Applications({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  useDocumentTitle(t('networkMembership.applications.title'));
  const list = useApi<{ items: ApplicationOut[] }>(APPLICATIONS, {}, { personal: true });
  const calls = useApi<{ items: MembershipCallOut[] }>('/membership-calls', {}, { personal: true });
  const grants = me.user.grants;
  const countries = grants.flatMap((g) =>
    g.role === 'natcom' && g.scope?.kind === 'country' ? [{ ref: g.scope.ref, name: g.scope.name }] : [],
  );
  const cities = grants
    .flatMap((g) =>
      (g.role === 'city-coordinator' || g.role === 'city-editor') && g.scope?.kind === 'city' ? [g.scope] : [],
    )
    .filter((s, i, all) => all.findIndex((o) => o.ref === s.ref) === i);
  const staff = grants.some((g) => g.role === 'admin' || g.role === 'secretariat');

  const items = list.data?.items ?? [];
  const waiting = items.filter((a) => a.allowedActions.length > 0);

  return (
    <div className="page page--membership">
      <PageHeading>{t('networkMembership.applications.title')}</PageHeading>
      <p>{t('networkMembership.applications.intro')}</p>
      {staff || cities.length > 0 ? (
        <ul className="plain-list membership-links">
          {staff ? (
            <li>
              <Link href="/admin/membership">{t('networkMembership.admin.title')}</Link>
            </li>
          ) : null}
          {cities.map((city) => (
            <li key={city.ref}>
              <Link href={`/workspace/${encodeURIComponent(city.ref)}/membership`}>
                {t('networkMembership.city.title', { city: city.name })}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {list.error ? <PageError error={list.error} onRetry={list.retry} /> : null}
      {!list.data && !list.error ? <Loading lines={4} /> : null}
      {list.data ? (
        <>
          <section aria-labelledby="waiting-heading" className="workspace-section">
            <h2 id="waiting-heading">{t('networkMembership.applications.waiting')}</h2>
            {waiting.length > 0 ? (
              <ApplicationsTable items={waiting} caption={t('networkMembership.applications.waiting')} />
            ) : (
              <p>{t('networkMembership.applications.nothingWaiting')}</p>
            )}
          </section>
          {countries.map((country) => (
            <section key={country.ref} aria-labelledby={`quota-${country.ref}`} className="workspace-section">
              <h2 id={`quota-${country.ref}`}>
                {t('networkMembership.commission.heading', { country: country.name })}
              </h2>
              {calls.data ? (
                <Quotas
                  country={country}
                  calls={calls.data.items}
                  items={items.filter((a) => a.city.countryIso2 === country.ref)}
                />
              ) : null}
            </section>
          ))}
          <section aria-labelledby="all-heading" className="workspace-section">
            <h2 id="all-heading">{t('networkMembership.applications.all')}</h2>
            <ApplicationsTable items={items} caption={t('networkMembership.applications.all')} />
          </section>
        </>
      ) : null}
    </div>
  );
}

/**
 * The applications a person may see, those waiting for her first (a National Commission's queue with days
 * left to its deadline, and its quota used and remaining in each call; the jury's; the secretariat's).
 */
export default function ApplicationsPage() {
  return <RequireSession>{(me) => <Applications me={me} />}</RequireSession>;
}
