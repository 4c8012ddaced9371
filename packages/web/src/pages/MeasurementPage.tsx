import type { CityResponse, CycleDetail, MeasurementResponse, ObservationOut, ProgressResponse } from '@lco/core';
import { breakdownKeys } from '@lco/core/observation-rules';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ApiError } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import { FictionalBadge } from '../components/Badges.tsx';
import { EnglishText, LText } from '../components/LText.tsx';
import { type Evidence, EvidenceLink, usePublishedEvidence } from '../components/monitoring/evidence.tsx';
import {
  focusAnchor,
  ProvenanceLabel,
  StatusBadge,
  useBreakdownLabel,
  useValueFormat,
} from '../components/monitoring/progress.tsx';
import { SeriesChart } from '../components/monitoring/SeriesChart.tsx';
import { MAX_CYCLES, useCycleDetails } from '../components/monitoring/useCycleDetails.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { ExpertProvenanceNote } from '../components/review/ExpertProvenance.tsx';
import { ErrorState, Loading } from '../components/Status.tsx';
import { useDocumentTitle } from '../components/useDocumentTitle.ts';
import { useLang } from '../i18n/useLang.ts';
import '../styles/monitoring.css';

type Series = ProgressResponse['series'][number];
type Measurement = MeasurementResponse['measurement'];

/** The status of one series in words: its numbers in the interface language, then the server's reasoning. */
function SeriesStatus({ series, unit, label }: { series: Series; unit: string; label: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const format = useValueFormat();
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
  const { baseline, latest, target } = series;
  const parts: string[] = [];
  if (series.status === 'insufficient-data' || !baseline || !latest) {
    parts.push(t('monitoring.explain.insufficient'));
  } else {
    parts.push(
      t('monitoring.explain.change', {
        from: format.withUnit(baseline.value, unit),
        fromYear: format.year(baseline.year),
        to: format.withUnit(latest.value, unit),
        toYear: format.year(latest.year),
      }),
    );
    if (target) {
      parts.push(
        t('monitoring.explain.target', {
          value: format.withUnit(target.value, unit),
          year: format.year(target.year),
        }),
      );
      if (series.ratio !== null) parts.push(t('monitoring.explain.pace', { ratio: percent.format(series.ratio) }));
    } else {
      parts.push(t('monitoring.explain.noTarget'));
    }
  }
  return (
    <li className="series-status">
      <p className="series-status__head">
        <strong>{label}</strong> <StatusBadge status={series.status} />
      </p>
      <p>{parts.join(' ')}</p>
      <p className="series-status__detail">
        <span className="muted">{t('monitoring.explain.calculation')}</span>{' '}
        <bdi>
          <EnglishText text={series.explanation} />
        </bdi>
      </p>
    </li>
  );
}

function ValuesTable({
  measurement,
  keys,
  years,
  value,
  seriesOf,
}: {
  measurement: Measurement;
  keys: string[];
  years: number[];
  value: (year: number, key: string) => ObservationOut | undefined;
  seriesOf: (key: string) => Series | undefined;
}) {
  const { t } = useTranslation();
  const format = useValueFormat();
  const breakdownLabel = useBreakdownLabel();
  // A point of the series in the figures' own precision when that year's value is in the table.
  const point = (key: string, p: { value: number; year: number } | null | undefined) => {
    if (!p) return '—';
    const same = value(p.year, key);
    const text = same && Number(same.value) === p.value ? format.number(same.value) : format.number(p.value);
    return t('monitoring.measurementPage.pointInYear', { value: text, year: format.year(p.year) });
  };
  const hasTargets = keys.some((k) => seriesOf(k)?.target);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it.
    <section className="table-scroll" aria-labelledby="values-caption" tabIndex={0}>
      <table className="data-table values-table">
        <caption id="values-caption" className="values-table__caption">
          {t('monitoring.measurementPage.tableCaption', { unit: t(`unit.${measurement.unit}`) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('monitoring.measurementPage.year')}</th>
            {keys.map((key) => (
              <th key={key} scope="col" className="num">
                {breakdownLabel(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {years.map((year) => (
            <tr key={year}>
              <th scope="row">{format.year(year)}</th>
              {keys.map((key) => {
                const observation = value(year, key);
                return (
                  <td key={key} className="num">
                    {observation ? (
                      format.number(observation.value)
                    ) : (
                      <>
                        <span aria-hidden="true">—</span>
                        <span className="visually-hidden">{t('monitoring.measurementPage.noValue')}</span>
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('monitoring.chart.baselineLabel')}</th>
            {keys.map((key) => (
              <td key={key} className="num">
                {point(key, seriesOf(key)?.baseline)}
              </td>
            ))}
          </tr>
          {hasTargets ? (
            <tr>
              <th scope="row">{t('monitoring.chart.legendTarget')}</th>
              {keys.map((key) => (
                <td key={key} className="num">
                  {point(key, seriesOf(key)?.target)}
                </td>
              ))}
            </tr>
          ) : null}
        </tfoot>
      </table>
    </section>
  );
}

function SourcesTable({ observations, measurement }: { observations: ObservationOut[]; measurement: Measurement }) {
  const { t } = useTranslation();
  const format = useValueFormat();
  const breakdownLabel = useBreakdownLabel();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it.
    <section className="table-scroll" aria-labelledby="sources-heading" tabIndex={0}>
      <table className="data-table sources-table">
        <thead>
          <tr>
            <th scope="col">{t('monitoring.measurementPage.year')}</th>
            <th scope="col">{t('monitoring.measurementPage.breakdown')}</th>
            <th scope="col" className="num">
              {t('monitoring.measurementPage.value')}
            </th>
            <th scope="col">{t('monitoring.measurementPage.provenance')}</th>
            <th scope="col">{t('monitoring.measurementPage.source')}</th>
          </tr>
        </thead>
        <tbody>
          {observations.map((o) => (
            <tr key={`${o.year}|${o.breakdown}`}>
              <th scope="row">{format.year(o.year)}</th>
              <td>{breakdownLabel(o.breakdown)}</td>
              <td className="num nowrap">{format.withUnit(o.value, measurement.unit)}</td>
              <td>
                <ProvenanceLabel provenance={o.provenance} />
                {o.provenanceDetail && 'roundId' in o.provenanceDetail ? (
                  <>
                    <br />
                    <ExpertProvenanceNote detail={o.provenanceDetail} />
                  </>
                ) : null}
              </td>
              <td>
                <span dir="auto">{o.sourceDetail}</span>
                {o.note ? (
                  <>
                    <br />
                    <span className="muted">{t('monitoring.measurementPage.note')} </span>
                    <span dir="auto">{o.note}</span>
                  </>
                ) : null}
                {o.electionYear !== null ? (
                  <>
                    <br />
                    <span className="muted">
                      {t('monitoring.measurementPage.electionYear', { year: format.year(o.electionYear) })}
                    </span>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The evidence published with the accepted reports, latest year first; nothing when there is none. */
function PublishedEvidence({
  items,
  error,
  onRetry,
}: {
  items: (Evidence & { year: number })[];
  error: ApiError | undefined;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const format = useValueFormat();
  if (error) return <ErrorState error={error} onRetry={onRetry} />;
  if (items.length === 0) return null;
  const sorted = [...items].sort((a, b) => b.year - a.year || a.uploadedAt.localeCompare(b.uploadedAt));
  return (
    <>
      <h3 id="evidence-heading">{t('monitoring.measurementPage.evidenceHeading')}</h3>
      <p>{t('monitoring.measurementPage.evidenceIntro')}</p>
      <ul className="evidence__list" aria-labelledby="evidence-heading">
        {sorted.map((item) => (
          <li key={item.id} className="evidence__item">
            <span className="evidence__year">{format.year(item.year)}</span>
            <span className="evidence__kind">{t(`monitoring.evidence.kind.${item.kind}`)}</span>
            <EvidenceLink item={item} />
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * One measurement of one city over the accepted years: the series per breakdown as a chart and as a
 * table, each series' status with its explanation, and where every value comes from.
 */
export default function MeasurementPage() {
  const { t } = useTranslation();
  const { slug = '', measurementId = '' } = useParams();
  const format = useValueFormat();
  const breakdownLabel = useBreakdownLabel();
  const citySlug = encodeURIComponent(slug);
  const city = useApi<CityResponse>(`/cities/${citySlug}`);
  const measurement = useApi<MeasurementResponse>(`/framework/measurements/${encodeURIComponent(measurementId)}`);
  const progress = useApi<ProgressResponse>(`/cities/${citySlug}/progress`);
  const accepted = progress.data?.basedOn.acceptedYears ?? null;
  const cycles = useCycleDetails(slug, accepted);
  const evidence = usePublishedEvidence(slug, cycles.years);
  const m = measurement.data?.measurement;
  const cityName = city.data?.city.name;
  useDocumentTitle(m && cityName ? `${m.id} ${m.name.text} — ${cityName}` : t('monitoring.measurementPage.title'));

  const notFound = city.error?.status === 404 || measurement.error?.status === 404;
  if (notFound) {
    return (
      <div className="page">
        <PageHeading>{t('monitoring.measurementPage.notFound')}</PageHeading>
        <p>{t('monitoring.measurementPage.notFoundText')}</p>
        <p>
          <Link className="button" href={city.data ? `/cities/${citySlug}` : '/network'}>
            {city.data
              ? t('monitoring.measurementPage.backToCity', { city: city.data.city.name })
              : t('city.backToNetwork')}
          </Link>
        </p>
      </div>
    );
  }

  const error = city.error ?? measurement.error ?? progress.error ?? cycles.error;
  const retry = () => {
    city.retry();
    measurement.retry();
    progress.retry();
    cycles.retry();
  };

  const details: CycleDetail[] = cycles.details ?? [];
  const catalogueKeys = m ? breakdownKeys(m) : [];
  const rank = (key: string) => (catalogueKeys.includes(key) ? catalogueKeys.indexOf(key) : catalogueKeys.length);
  const observations = details
    .flatMap((d) => d.observations.filter((o) => o.measurementId === measurementId))
    .sort((a, b) => a.year - b.year || rank(a.breakdown) - rank(b.breakdown));
  const series = (progress.data?.series ?? []).filter((s) => s.measurementId === measurementId);
  const seriesOf = (key: string) => series.find((s) => s.breakdown === key);
  const byKey = new Map(observations.map((o) => [`${o.year}|${o.breakdown}`, o]));
  // The catalogue's breakdowns in its order, then any other the data has; only those with values or a target.
  const keys = [...catalogueKeys, ...new Set(observations.map((o) => o.breakdown))]
    .filter((key, i, all) => all.indexOf(key) === i)
    .filter((key) => observations.some((o) => o.breakdown === key) || seriesOf(key)?.target);
  const years = [...new Set(observations.map((o) => o.year))].sort((a, b) => a - b);
  const sample = observations.some((o) => o.provenance === 'sample');
  const loading = !error && (!m || !city.data || !progress.data || cycles.loading);

  return (
    <div className="page page--measurement">
      <p className="breadcrumb">
        <Link href={m ? `/cities/${citySlug}#${focusAnchor(m.focusAreaId)}` : `/cities/${citySlug}`}>
          <span aria-hidden="true" className="flip">
            ←{' '}
          </span>
          {cityName ? t('monitoring.measurementPage.backToCity', { city: cityName }) : t('city.title')}
        </Link>
      </p>
      {m ? (
        <header className="measurement-page__header">
          <PageHeading>
            <span className="code">{m.id}</span> <LText value={m.name} />
          </PageHeading>
          <p className="measurement-page__city">
            {cityName} {city.data?.city.fictional ? <FictionalBadge /> : null}
          </p>
        </header>
      ) : null}
      {error ? <ErrorState error={error} onRetry={retry} /> : null}
      {loading ? <Loading lines={6} /> : null}
      {m && measurement.data && !loading ? (
        <>
          {sample ? (
            <div className="banner banner--fictional" role="note">
              <p className="banner__title">
                <span aria-hidden="true">◇ </span>
                {t('monitoring.measurementPage.sampleTitle')}
              </p>
              <p>{t('monitoring.measurementPage.sampleText')}</p>
            </div>
          ) : null}
          <dl className="facts measurement-page__facts">
            <div>
              <dt>{t('measurement.definition')}</dt>
              <dd>
                <LText value={m.definition} />
              </dd>
            </div>
            <div>
              <dt>{t('measurement.unit')}</dt>
              <dd>{t(`unit.${m.unit}`)}</dd>
            </div>
            <div>
              <dt>{t('measurement.polarity')}</dt>
              <dd>{t(`polarity.${m.polarity}`)}</dd>
            </div>
            <div>
              <dt>{t('monitoring.measurementPage.focusArea')}</dt>
              <dd>
                <Link href={`/framework/${m.focusAreaId}`}>
                  <span className="code">{m.focusAreaId}</span> <LText value={measurement.data.focusArea.title} />
                </Link>
              </dd>
            </div>
          </dl>

          <section aria-labelledby="status-heading">
            <h2 id="status-heading">{t('monitoring.measurementPage.statusHeading')}</h2>
            {series.length === 0 ? (
              <p>{t('monitoring.measurementPage.noData')}</p>
            ) : (
              <ul className="plain-list series-statuses">
                {keys.flatMap((key) => {
                  const s = seriesOf(key);
                  return s ? [<SeriesStatus key={key} series={s} unit={m.unit} label={breakdownLabel(key)} />] : [];
                })}
              </ul>
            )}
          </section>

          {observations.length > 0 ? (
            <>
              <section aria-labelledby="chart-heading">
                <h2 id="chart-heading">{t('monitoring.measurementPage.chartHeading')}</h2>
                {(accepted?.length ?? 0) > MAX_CYCLES ? (
                  <p>{t('monitoring.measurementPage.lastYears', { n: format.number(MAX_CYCLES) })}</p>
                ) : null}
                <figure className="chart-figure">
                  <SeriesChart
                    name={m.name.text}
                    unit={m.unit}
                    panels={keys.map((key) => {
                      const s = seriesOf(key);
                      return {
                        key,
                        label: breakdownLabel(key),
                        points: observations
                          .filter((o) => o.breakdown === key)
                          .map((o) => ({ year: o.year, value: Number(o.value) })),
                        baseline: s?.baseline ?? null,
                        target: s?.target ?? null,
                      };
                    })}
                  />
                  <figcaption className="chart-figure__caption">
                    {t('monitoring.measurementPage.chartCaption', { unit: t(`unit.${m.unit}`) })}
                  </figcaption>
                </figure>
                <ValuesTable
                  measurement={m}
                  keys={keys}
                  years={years}
                  value={(year, key) => byKey.get(`${year}|${key}`)}
                  seriesOf={seriesOf}
                />
              </section>

              <section aria-labelledby="sources-heading">
                <h2 id="sources-heading">{t('monitoring.measurementPage.sourcesHeading')}</h2>
                <p>{t('monitoring.measurementPage.sourcesIntro')}</p>
                <SourcesTable observations={observations} measurement={m} />
                <PublishedEvidence
                  items={(evidence.items ?? []).filter((e) => e.measurementId === measurementId)}
                  error={evidence.error}
                  onRetry={evidence.retry}
                />
              </section>
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
