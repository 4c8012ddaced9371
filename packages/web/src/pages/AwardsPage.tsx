import type { PublicAwardsResponse } from '@lco/core';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/session.tsx';
import { useApi } from '../api/useApi.ts';
import { LText } from '../components/LText.tsx';
import { useRegionNames } from '../components/membership/common.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { ScrollTable } from '../components/ScrollTable.tsx';
import { ErrorState, Loading } from '../components/Status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';

/**
 * The UNESCO Learning City Award, public: every cycle with its awardees — the seeded history and the cycles run
 * here — and the criteria the jury's final decision was taken on, where the record says.
 */
export default function AwardsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('awards.public.title'));
  const awards = useApi<PublicAwardsResponse>('/awards');
  const region = useRegionNames();
  const { session } = useMe();
  return (
    <div className="page page--awards">
      <PageHeading>{t('awards.public.title')}</PageHeading>
      <p>{t('awards.public.intro')}</p>
      {session.status === 'signed-in' ? (
        <p>
          <Link href="/awards/workspace">{t('awards.workspace.title')}</Link>
        </p>
      ) : null}
      {awards.error ? <ErrorState error={awards.error} onRetry={awards.retry} /> : null}
      {!awards.data && !awards.error ? <Loading lines={6} /> : null}
      {awards.data?.items.map((cycle) => (
        <section key={cycle.year} className="workspace-section" aria-labelledby={`award-${cycle.year}`}>
          <h2 id={`award-${cycle.year}`}>{cycle.name}</h2>
          <p className="muted">
            {cycle.source === 'platform' ? t('awards.public.sourcePlatform') : t('awards.public.sourceHistory')}{' '}
            {t('awards.public.final')}
          </p>
          <ScrollTable caption={t('awards.public.awardees', { year: cycle.year })}>
            <thead>
              <tr>
                <th scope="col">{t('awards.public.city')}</th>
                <th scope="col">{t('awards.public.country')}</th>
                <th scope="col">{t('awards.public.region')}</th>
              </tr>
            </thead>
            <tbody>
              {cycle.awardees.map((city) => (
                <tr key={city.slug}>
                  <th scope="row">
                    <Link href={`/cities/${encodeURIComponent(city.slug)}`}>{city.name}</Link>
                  </th>
                  <td>
                    <LText value={city.country} />
                  </td>
                  <td>{region(city.region)}</td>
                </tr>
              ))}
            </tbody>
          </ScrollTable>
          <h3>{t('awards.public.criteria')}</h3>
          {cycle.criteria ? (
            <ul>
              {cycle.criteria.map((c) => (
                <li key={c.id}>
                  <LText value={c.title} />{' '}
                  <span className="muted">{t('awards.public.weight', { weight: c.weight })}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('awards.public.criteriaUnknown')}</p>
          )}
        </section>
      ))}
    </div>
  );
}
