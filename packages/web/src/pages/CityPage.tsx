import type { CityResponse } from '@lco/core';
import { lazy, Suspense } from 'react';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMe } from '../api/session.tsx';
import { useApi } from '../api/useApi.ts';
import { FictionalBadge, FictionalBanner } from '../components/Badges.tsx';
import { MembershipText } from '../components/CityFacts.tsx';
import { EnglishText, LText } from '../components/LText.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { ErrorState, Loading, Refreshing } from '../components/Status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { loadMonitoringMessages } from '../i18n/i18n.ts';
import { useLang } from '../i18n/useLang.ts';
import '../styles/city.css';

// The city's progress arrives with its own code and the monitoring messages, after the profile itself.
const CityProgress = lazy(() =>
  Promise.all([import('./city/CityProgress.tsx'), loadMonitoringMessages()]).then(([module]) => module),
);
const LocatorMap = lazy(() => import('../components/map/WorldMap.tsx').then((m) => ({ default: m.LocatorMap })));

function useCoordinate() {
  const { t } = useTranslation();
  const lang = useLang();
  const format = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (lat: number, lon: number) =>
    t('city.coordinates', {
      lat: t(lat >= 0 ? 'city.north' : 'city.south', { value: format.format(Math.abs(lat)) }),
      lon: t(lon >= 0 ? 'city.east' : 'city.west', { value: format.format(Math.abs(lon)) }),
    });
}

function CityNotFound() {
  const { t } = useTranslation();
  useDocumentTitle(t('city.notFoundTitle'));
  return (
    <div className="page page--not-found">
      <PageHeading>{t('city.notFoundTitle')}</PageHeading>
      <p>{t('city.notFoundText')}</p>
      <p>
        <Link className="button" href="/network">
          {t('city.backToNetwork')}
        </Link>
      </p>
    </div>
  );
}

export default function CityPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug = '' } = useParams();
  const response = useApi<CityResponse>(`/cities/${encodeURIComponent(slug)}`);
  const city = response.data?.city;
  const coordinate = useCoordinate();
  const { me } = useMe();
  useDocumentTitle(city ? city.name : t('city.title'));
  const onTeam = (me?.user.grants ?? []).some(
    (g) => (g.role === 'city-coordinator' || g.role === 'city-editor') && g.scope?.ref === slug,
  );

  if (response.error?.status === 404) return <CityNotFound />;

  const number = new Intl.NumberFormat(lang);

  return (
    <div className="page page--city">
      <p className="breadcrumb">
        <Link href="/network">
          <span aria-hidden="true" className="flip">
            ←{' '}
          </span>
          {t('city.backToNetwork')}
        </Link>
      </p>
      {response.error ? <ErrorState error={response.error} onRetry={response.retry} /> : null}
      {!city && response.loading ? <Loading lines={5} /> : null}
      {city ? (
        <article className="city" aria-labelledby="city-name">
          <header className="city__header">
            <PageHeading id="city-name">{city.name}</PageHeading>
            {city.fictional ? <FictionalBadge /> : null}
            <p className="city__place">
              <LText value={city.country.name} />
              <span aria-hidden="true"> · </span>
              <span className="visually-hidden">, </span>
              <LText value={city.regionName} />
            </p>
          </header>
          {city.fictional ? <FictionalBanner /> : null}
          <Refreshing active={response.loading} />

          <div className="city__body">
            <section className="city__facts" aria-labelledby="facts-title">
              <h2 id="facts-title">{t('city.facts')}</h2>
              <dl className="facts">
                <div>
                  <dt>{t('city.country')}</dt>
                  <dd>
                    <LText value={city.country.name} />
                  </dd>
                </div>
                <div>
                  <dt>{t('city.region')}</dt>
                  <dd>
                    <LText value={city.regionName} />
                  </dd>
                </div>
                <div>
                  <dt>{t('city.membership')}</dt>
                  <dd>
                    <MembershipText membership={city.membership} />
                  </dd>
                </div>
                <div>
                  <dt>{t('city.population')}</dt>
                  <dd>
                    {city.population === null
                      ? t('city.notRecorded')
                      : city.facts.populationYear === null
                        ? number.format(city.population)
                        : t('city.populationInYear', {
                            value: number.format(city.population),
                            year: String(city.facts.populationYear),
                          })}
                  </dd>
                </div>
                <div>
                  <dt>{t('city.coordinatesLabel')}</dt>
                  <dd>{city.location ? coordinate(city.location.lat, city.location.lon) : t('city.notRecorded')}</dd>
                </div>
                {city.facts.locationSource ? (
                  <div>
                    <dt>{t('city.source')}</dt>
                    <dd>
                      <EnglishText text={city.facts.locationSource} />
                    </dd>
                  </div>
                ) : null}
                {city.facts.note ? (
                  <div>
                    <dt>{t('city.note')}</dt>
                    <dd>
                      <EnglishText text={city.facts.note} />
                    </dd>
                  </div>
                ) : null}
              </dl>

              <h2 id="awards-title">{t('city.awards')}</h2>
              {city.awards.length === 0 ? (
                <p>{t('city.noAwards')}</p>
              ) : (
                <ul className="awards" aria-labelledby="awards-title">
                  {city.awards.map((award) => (
                    <li key={`${award.year}-${award.title}`}>
                      <span aria-hidden="true">★ </span>
                      <strong>{award.year}</strong> <EnglishText text={award.title} />
                    </li>
                  ))}
                </ul>
              )}
            </section>

            {city.location ? (
              <section className="city__map" aria-labelledby="locator-title">
                <h2 id="locator-title">{t('city.locatorHeading')}</h2>
                <figure className="map-figure">
                  <Suspense fallback={<Loading lines={0} label={t('map.loading')} />}>
                    <LocatorMap
                      city={city}
                      label={t('city.locatorLabel', { city: city.name, country: city.country.name.text })}
                    />
                  </Suspense>
                  <figcaption className="map-figure__caption">
                    <span className="map-figure__disclaimer">
                      {t('map.disclaimerShort')} <Link href="/about#disclaimer">{t('map.disclaimerLink')}</Link>
                    </span>
                  </figcaption>
                </figure>
              </section>
            ) : null}
          </div>

          <section className="city__progress" aria-labelledby="progress-title">
            <h2 id="progress-title">{t('city.progress')}</h2>
            {onTeam ? (
              <p>
                <Link className="button button--secondary" href={`/workspace/${encodeURIComponent(slug)}`}>
                  {t('city.openWorkspace')}
                </Link>
              </p>
            ) : null}
            <Suspense fallback={<Loading lines={4} />}>
              <CityProgress slug={city.slug} fictional={city.fictional} />
            </Suspense>
          </section>
        </article>
      ) : null}
    </div>
  );
}
