import type { AuditRecordOut, CitiesResponse, MeResponse } from '@lco/core';
import { type FormEvent, useState } from 'react';
import { Button, Disclosure, DisclosurePanel, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApi } from '../../api/useApi.ts';
import { NotAllowed, PageError, RequireSession } from '../../components/Access.tsx';
import { TextInput } from '../../components/forms.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { coordinatorCities, Time } from '../../components/roles.tsx';
import { type Option, SelectField } from '../../components/SelectField.tsx';
import { Loading, Refreshing } from '../../components/Status.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';
import { useLang } from '../../i18n/useLang.ts';
import '../../styles/accounts.css';
import '../../styles/admin.css';

const PAGE_SIZE = 50;
const ALL = 'all';

// What the trail records today (accounts); other contexts add theirs, shown by their code until named.
const ACTIONS = [
  'session.sign-in',
  'session.sign-out',
  'session.sign-out-everywhere',
  'session.revoke',
  'user.create',
  'user.profile-update',
  'user.password-change',
  'user.password-reset-request',
  'user.password-reset',
  'invitation.create',
  'invitation.accept',
  'role.grant',
  'role.revoke',
] as const;
type KnownAction = (typeof ACTIONS)[number];
const RESOURCE_TYPES = ['user', 'role-grant', 'invitation'] as const;
type KnownResource = (typeof RESOURCE_TYPES)[number];

const isAction = (value: string): value is KnownAction => (ACTIONS as readonly string[]).includes(value);
const isResource = (value: string): value is KnownResource => (RESOURCE_TYPES as readonly string[]).includes(value);

interface AuditPage {
  items: AuditRecordOut[];
  page: number;
  pageSize: number;
  total: number;
}

type Filters = { action: string; resourceType: string; city: string; from: string; to: string; page: number };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function readFilters(params: URLSearchParams): Filters {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const day = (key: string) => {
    const value = params.get(key) ?? '';
    return DAY.test(value) ? value : '';
  };
  return {
    action: params.get('action') ?? '',
    resourceType: params.get('resourceType') ?? '',
    city: params.get('city') ?? '',
    from: day('from'),
    to: day('to'),
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** A day in the visitor's own time zone, as the instant it starts (or the instant after it ends). */
function dayStart(day: string, plusDays = 0): string | undefined {
  if (!day) return undefined;
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + plusDays).toISOString();
}

export default function AuditPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('workspaces.audit'));
  return <RequireSession>{(me) => <Audit me={me} />}</RequireSession>;
}

function Audit({ me }: { me: MeResponse }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const trail = useApi<AuditPage>(
    '/audit',
    {
      action: filters.action,
      resourceType: filters.resourceType,
      city: filters.city,
      from: dayStart(filters.from),
      to: dayStart(filters.to, 1),
      page: filters.page,
      pageSize: PAGE_SIZE,
    },
    { personal: true },
  );
  const cities = useApi<CitiesResponse>('/cities', { pageSize: 500 });
  // Network staff read the whole trail; a city coordinator her cities' part only.
  const staff = me.user.grants.some((g) => g.role === 'admin' || g.role === 'secretariat');
  const mine = coordinatorCities(me);

  // Dates are typed freely and applied with the button (a half-typed date is no filter).
  const [from, setFrom] = useState(filters.from);
  const [to, setTo] = useState(filters.to);

  const update = (changes: Partial<Record<keyof Filters, string>>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value && value !== ALL) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  const hrefFor = (target: number) => {
    const next = new URLSearchParams(params);
    if (target > 1) next.set('page', String(target));
    else next.delete('page');
    const search = next.toString();
    return `/admin/audit${search ? `?${search}` : ''}`;
  };

  const actionOptions: Option[] = [
    { id: ALL, text: t('audit.allActions') },
    ...ACTIONS.map((action) => ({ id: action, text: t(`audit.actions.${action}`) })),
  ];
  const resourceOptions: Option[] = [
    { id: ALL, text: t('audit.allResources') },
    ...RESOURCE_TYPES.map((type) => ({ id: type, text: t(`audit.resources.${type}`) })),
  ];
  const cityOptions: Option[] = [
    { id: ALL, text: staff ? t('audit.allCities') : t('audit.myCities') },
    ...(cities.data?.items ?? [])
      .filter((city) => staff || mine.includes(city.slug))
      .map((city) => ({ id: city.slug, text: city.name }))
      .sort((a, b) => a.text.localeCompare(b.text, lang)),
  ];

  if (trail.error?.status === 403) return <NotAllowed />;
  const pages = trail.data ? Math.max(1, Math.ceil(trail.data.total / PAGE_SIZE)) : 1;

  const applyDates = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    update({ from, to });
  };

  return (
    <div className="page page--admin">
      <PageHeading>{t('workspaces.audit')}</PageHeading>
      <p className="lead">{t('audit.intro')}</p>

      <section className="filters panel" aria-labelledby="audit-filters">
        <h2 id="audit-filters" className="visually-hidden">
          {t('audit.filters')}
        </h2>
        <div className="filters__row">
          <SelectField
            label={t('audit.action')}
            options={actionOptions}
            value={filters.action || ALL}
            onChange={(id) => update({ action: id })}
          />
          <SelectField
            label={t('audit.resource')}
            options={resourceOptions}
            value={filters.resourceType || ALL}
            onChange={(id) => update({ resourceType: id })}
          />
          <SelectField
            label={t('audit.city')}
            options={cityOptions}
            value={filters.city || ALL}
            onChange={(id) => update({ city: id })}
          />
        </div>
        <Form className="filters__row filters__dates" onSubmit={applyDates}>
          <TextInput label={t('audit.from')} type="date" name="from" value={from} onChange={setFrom} />
          <TextInput label={t('audit.to')} type="date" name="to" value={to} onChange={setTo} />
          <div className="filters__buttons">
            <Button type="submit" className="button button--secondary">
              {t('audit.applyDates')}
            </Button>
            {params.toString() ? (
              <Button
                className="text-link-button"
                onPress={() => {
                  setFrom('');
                  setTo('');
                  setParams(new URLSearchParams());
                }}
              >
                {t('audit.clear')}
              </Button>
            ) : null}
          </div>
        </Form>
      </section>

      <div className="admin-section">
        <h2 id="audit-records">{t('audit.records')}</h2>
        {trail.error ? (
          <PageError error={trail.error} onRetry={trail.retry} />
        ) : !trail.data ? (
          <Loading />
        ) : (
          <>
            <p role="status" className="results-status">
              {trail.data.total === 0
                ? t('audit.none')
                : t('audit.count', {
                    count: trail.data.total,
                    from: (filters.page - 1) * PAGE_SIZE + 1,
                    to: Math.min(filters.page * PAGE_SIZE, trail.data.total),
                  })}
            </p>
            <Refreshing active={trail.loading} />
            {trail.data.items.length > 0 ? <AuditTable items={trail.data.items} /> : null}
            <Pagination page={filters.page} pages={pages} hrefFor={hrefFor} label={t('audit.pages')} />
          </>
        )}
      </div>
    </div>
  );
}

function ActionName({ action }: { action: string }) {
  const { t } = useTranslation();
  if (isAction(action)) return <>{t(`audit.actions.${action}`)}</>;
  return <code>{action}</code>;
}

function ResourceName({ type }: { type: string }) {
  const { t } = useTranslation();
  if (isResource(type)) return <>{t(`audit.resources.${type}`)}</>;
  return <code>{type}</code>;
}

function hasContent(value: unknown): boolean {
  return value !== null && value !== undefined && !(typeof value === 'object' && Object.keys(value).length === 0);
}

function Json({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (!hasContent(value)) return <p className="muted">{t('audit.nothing')}</p>;
  return (
    <pre className="json" dir="ltr">
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

function AuditTable({ items }: { items: readonly AuditRecordOut[] }) {
  const { t } = useTranslation();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it.
    <section className="table-scroll" aria-labelledby="audit-records" tabIndex={0}>
      <table className="data-table audit-table">
        <thead>
          <tr>
            <th scope="col">{t('audit.time')}</th>
            <th scope="col">{t('audit.who')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.resource')}</th>
            <th scope="col">{t('audit.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((record) => (
            <tr key={record.seq}>
              <td className="nowrap">
                <Time iso={record.at} />
              </td>
              <td>
                {record.actor ? (
                  <>
                    {record.actor.displayName}
                    <br />
                    <bdi className="muted small">{record.actor.email}</bdi>
                  </>
                ) : (
                  <span className="muted">{t('audit.system')}</span>
                )}
              </td>
              <td>
                <ActionName action={record.action} />
              </td>
              <td>
                <ResourceName type={record.resourceType} />
                {record.resourceId ? (
                  <>
                    <br />
                    <code className="id small" dir="ltr">
                      {record.resourceId}
                    </code>
                  </>
                ) : null}
              </td>
              <td>
                {hasContent(record.before) || hasContent(record.after) ? (
                  <Disclosure className="disclosure">
                    <Button slot="trigger" className="disclosure__trigger">
                      <span aria-hidden="true" className="disclosure__chevron">
                        ▸
                      </span>
                      {t('audit.beforeAfter')}
                      <span className="visually-hidden"> — {t('audit.recordNumber', { seq: record.seq })}</span>
                    </Button>
                    <DisclosurePanel className="disclosure__panel">
                      <p className="json__label">{t('audit.before')}</p>
                      <Json value={record.before} />
                      <p className="json__label">{t('audit.after')}</p>
                      <Json value={record.after} />
                    </DisclosurePanel>
                  </Disclosure>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
