import type {
  CitiesResponse,
  CitySummary,
  CountriesResponse,
  MembershipStats,
  RegionOut,
  RegionsResponse,
} from '@lco/core';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Button, Input, Label, Link, SearchField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApi } from '../api/useApi.ts';
import { FictionalBadge } from '../components/Badges.tsx';
import { AwardYears, MembershipText } from '../components/CityFacts.tsx';
import { LText } from '../components/LText.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { Pagination } from '../components/Pagination.tsx';
import { ScrollTable } from '../components/ScrollTable.tsx';
import { type Option, SelectField } from '../components/SelectField.tsx';
import { ErrorState, Loading } from '../components/Status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useLang } from '../i18n/useLang.ts';
import '../styles/network.css';
import '../styles/tables.css';

const WorldMap = lazy(() => import('../components/map/WorldMap.tsx').then((m) => ({ default: m.WorldMap })));

const PAGE_SIZE = 20;
// The map shows every city that matches the filters (the network has a few hundred), not just one page.
const MAP_LIMIT = 500;
const ALL = 'all';
const SEARCH_DELAY_MS = 400;

type Filters = { region: string; country: string; q: string; page: number };

function readFilters(params: URLSearchParams): Filters {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    region: params.get('region') ?? '',
    country: (params.get('country') ?? '').toUpperCase(),
    q: params.get('q') ?? '',
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

function CityCard({ city, regionName }: { city: CitySummary; regionName: RegionOut['name'] | undefined }) {
  return (
    <article className="city-card">
      <h3 className="city-card__name">
        <Link href={`/cities/${city.slug}`}>{city.name}</Link>
      </h3>
      <p className="city-card__place">
        <LText value={city.country.name} />
        {regionName ? (
          <>
            <span aria-hidden="true"> · </span>
            <span className="visually-hidden">, </span>
            <LText value={regionName} />
          </>
        ) : null}
      </p>
      <p className="city-card__status">
        <MembershipText membership={city.membership} />
      </p>
      {city.fictional || city.awardYears.length > 0 ? (
        <p className="city-card__badges">
          {city.fictional ? <FictionalBadge /> : null}
          <AwardYears years={city.awardYears} />
        </p>
      ) : null}
    </article>
  );
}

/** A count with a bar drawn to scale beside it (the number carries the meaning; the bar only shows the shape). */
function CountBar({ value, max, format }: { value: number; max: number; format: Intl.NumberFormat }) {
  return (
    <span className="count-bar">
      <span className="count-bar__value">{format.format(value)}</span>
      <span
        className="count-bar__bar"
        aria-hidden="true"
        style={{ inlineSize: `${max > 0 ? (value / max) * 100 : 0}%` }}
      />
    </span>
  );
}

/** Member counts by UNESCO region and by year of joining (GET /membership-stats), as two tables. */
function MemberStats({ regionNames }: { regionNames: Map<string, RegionOut['name']> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const stats = useApi<MembershipStats>('/membership-stats');
  const format = new Intl.NumberFormat(lang);
  if (stats.error) return <ErrorState error={stats.error} onRetry={stats.retry} />;
  if (!stats.data) return <Loading lines={2} />;
  const { byRegion, byYear, members } = stats.data;
  const maxRegion = Math.max(0, ...byRegion.map((r) => r.members));
  const maxYear = Math.max(0, ...byYear.map((y) => y.members));
  return (
    <>
      <p>{t('network.membersTotal', { n: format.format(members) })}</p>
      <div className="network-stats__tables">
        <ScrollTable caption={t('network.byRegionCaption')} showCaption className="network-stats__table">
          <thead>
            <tr>
              <th scope="col">{t('network.region')}</th>
              <th scope="col">{t('network.members')}</th>
            </tr>
          </thead>
          <tbody>
            {byRegion.map((r) => {
              const name = regionNames.get(r.region);
              return (
                <tr key={r.region}>
                  <th scope="row">{name ? <LText value={name} /> : r.region}</th>
                  <td>
                    <CountBar value={r.members} max={maxRegion} format={format} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </ScrollTable>
        <ScrollTable caption={t('network.byYearCaption')} showCaption className="network-stats__table">
          <thead>
            <tr>
              <th scope="col">{t('network.yearOfJoining')}</th>
              <th scope="col">{t('network.members')}</th>
            </tr>
          </thead>
          <tbody>
            {byYear.map((y) => (
              <tr key={y.year ?? 'unknown'}>
                <th scope="row">{y.year === null ? t('network.yearUnknown') : y.year}</th>
                <td>
                  <CountBar value={y.members} max={maxYear} format={format} />
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      </div>
    </>
  );
}

export default function NetworkPage() {
  const { t } = useTranslation();
  const lang = useLang();
  useDocumentTitle(t('network.title'));
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const { region, country, q, page } = filters;

  const regions = useApi<RegionsResponse>('/regions');
  const countries = useApi<CountriesResponse>('/countries');
  const list = useApi<CitiesResponse>('/cities', { region, country, q, page, pageSize: PAGE_SIZE });
  const mapCities = useApi<CitiesResponse>('/cities', { region, country, q, pageSize: MAP_LIMIT });

  const update = (changes: Partial<Record<keyof Filters, string>>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    // Any change of filter starts again from the first page.
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: 'q' in changes });
  };

  const hrefFor = (target: number) => {
    const next = new URLSearchParams(params);
    if (target > 1) next.set('page', String(target));
    else next.delete('page');
    const search = next.toString();
    return `/network${search ? `?${search}` : ''}`;
  };

  // The search box types freely; the address (and the request) follows after a short pause.
  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft((current) => (current.trim() === q ? current : q)), [q]);
  useEffect(() => {
    if (draft.trim() === q) return;
    const timer = window.setTimeout(() => update({ q: draft.trim() }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  });

  const regionNames = new Map(regions.data?.items.map((r) => [r.code, r.name]));
  const regionOptions: Option[] = [
    { id: ALL, text: t('network.allRegions') },
    ...(regions.data?.items ?? []).map((r) => ({
      id: r.code,
      text: `${r.name.text} (${r.cityCount})`,
      content: (
        <>
          <LText value={r.name} /> ({r.cityCount})
        </>
      ),
    })),
  ];
  const countryItems = (countries.data?.items ?? [])
    .filter((c) => c.cityCount > 0 && (!region || c.region === region))
    .sort((a, b) => a.name.text.localeCompare(b.name.text, lang));
  const countryOptions: Option[] = [
    { id: ALL, text: t('network.allCountries') },
    ...countryItems.map((c) => ({
      id: c.iso2,
      text: `${c.name.text} (${c.cityCount})`,
      content: (
        <>
          <LText value={c.name} /> ({c.cityCount})
        </>
      ),
    })),
  ];

  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const from = data && data.total > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const to = data ? Math.min(data.total, from + data.items.length - 1) : 0;
  const mapItems = mapCities.data?.items ?? [];
  const withoutLocation = mapItems.filter((c) => c.location === null).length;
  const hasFilters = Boolean(region || country || q);

  return (
    <div className="page page--network">
      <PageHeading>{t('network.heading')}</PageHeading>
      <p className="lead">{t('network.intro')}</p>

      <section className="filters" aria-labelledby="filters-title">
        <h2 id="filters-title" className="visually-hidden">
          {t('network.filters')}
        </h2>
        <div className="filters__row">
          <SelectField
            label={t('network.region')}
            options={regionOptions}
            value={region || ALL}
            onChange={(id) => {
              const code = id === ALL ? '' : id;
              const keepCountry = countries.data?.items.some((c) => c.iso2 === country && (!code || c.region === code));
              update({ region: code, country: keepCountry ? country : '' });
            }}
          />
          <SelectField
            label={t('network.country')}
            options={countryOptions}
            value={country || ALL}
            onChange={(id) => update({ country: id === ALL ? '' : id })}
          />
          <SearchField
            className="search"
            value={draft}
            onChange={setDraft}
            onSubmit={(value) => update({ q: value.trim() })}
            onClear={() => update({ q: '' })}
          >
            <Label className="search__label">{t('network.search')}</Label>
            <div className="search__box">
              <Input className="search__input" placeholder={t('network.searchPlaceholder')} />
              <Button className="search__clear" aria-label={t('network.clearSearch')}>
                ✕
              </Button>
            </div>
          </SearchField>
        </div>
        {hasFilters ? (
          <p>
            <Link className="text-button" href="/network">
              {t('network.resetFilters')}
            </Link>
          </p>
        ) : null}
        {regions.error ? <ErrorState error={regions.error} onRetry={regions.retry} /> : null}
        {countries.error ? <ErrorState error={countries.error} onRetry={countries.retry} /> : null}
      </section>

      <section className="network-map" aria-labelledby="map-title">
        <h2 id="map-title">{t('network.mapHeading')}</h2>
        <a className="skip-inline" href="#cities-title">
          {t('network.skipMap')}
        </a>
        {mapCities.error ? <ErrorState error={mapCities.error} onRetry={mapCities.retry} /> : null}
        <figure className="map-figure">
          <Suspense fallback={<Loading lines={0} label={t('map.loading')} />}>
            <WorldMap cities={mapItems} label={t('network.mapLabel', { count: mapItems.length - withoutLocation })} />
          </Suspense>
          <figcaption className="map-figure__caption">
            <span className="legend">
              <span className="legend__item">
                <svg viewBox="0 0 12 12" aria-hidden="true" focusable="false">
                  <circle className="map__marker" cx="6" cy="6" r="4.5" />
                </svg>
                {t('map.legendCity')}
              </span>
              {mapItems.some((c) => c.fictional && c.location) ? (
                <span className="legend__item">
                  <svg viewBox="0 0 12 12" aria-hidden="true" focusable="false">
                    <path className="map__marker map__marker--fictional" d="M6,0.5L11.5,6L6,11.5L0.5,6Z" />
                  </svg>
                  {t('map.legendFictional')}
                </span>
              ) : null}
            </span>
            {withoutLocation > 0 ? <span>{t('network.withoutLocation', { count: withoutLocation })}</span> : null}
            {mapCities.data && mapCities.data.total > mapItems.length ? (
              <span>{t('network.mapLimited', { shown: mapItems.length, total: mapCities.data.total })}</span>
            ) : null}
            <span className="map-figure__disclaimer">
              {t('map.disclaimerShort')} <Link href="/about#disclaimer">{t('map.disclaimerLink')}</Link>
            </span>
          </figcaption>
        </figure>
      </section>

      <section className="network-stats" aria-labelledby="members-title">
        <h2 id="members-title">{t('network.membersHeading')}</h2>
        <MemberStats regionNames={regionNames} />
      </section>

      <section className="network-list" aria-labelledby="cities-title">
        <h2 id="cities-title" tabIndex={-1}>
          {t('network.listHeading')}
        </h2>
        <p role="status" className="results-status">
          {data
            ? data.total === 0
              ? t('network.noResults')
              : t('network.results', { from, to, count: data.total })
            : ''}
          {list.loading && data ? ` ${t('common.updating')}` : ''}
        </p>
        {list.error ? <ErrorState error={list.error} onRetry={list.retry} /> : null}
        {!data && list.loading ? <Loading lines={5} /> : null}
        {data && data.total > 0 && data.items.length === 0 ? (
          <p>
            <Link href={hrefFor(1)}>{t('pagination.first')}</Link>
          </p>
        ) : null}
        {data && data.items.length > 0 ? (
          <ul className="city-grid" aria-busy={list.loading}>
            {data.items.map((city) => (
              <li key={city.slug}>
                <CityCard city={city} regionName={regionNames.get(city.region)} />
              </li>
            ))}
          </ul>
        ) : null}
        <Pagination page={page} pages={pages} hrefFor={hrefFor} label={t('pagination.label')} />
      </section>
    </div>
  );
}
