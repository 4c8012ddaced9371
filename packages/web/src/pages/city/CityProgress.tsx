import type { FocusAreaOut, FrameworkResponse, MeasurementOut, ProgressResponse } from '@lco/core';
import { breakdownKeys } from '@lco/core/observation-rules';
import { useEffect } from 'react';
import { Link } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useApi } from '../../api/useApi.ts';
import { LText } from '../../components/LText.tsx';
import {
  BUCKETS,
  type Bucket,
  focusAnchor,
  StatusBadge,
  StatusIcon,
  StatusLegend,
  useBreakdownLabel,
  useValueFormat,
} from '../../components/monitoring/progress.tsx';
import { ErrorState, Loading } from '../../components/Status.tsx';
import { Temple } from '../../components/Temple.tsx';
import '../../styles/monitoring.css';

type RollUp = ProgressResponse['rollUps']['focusArea'][number];
type Series = ProgressResponse['series'][number];

/** How many of a roll-up's measurements are in each status, in legend order, leaving out the empty ones. */
function countsOf(rollUp: RollUp): [Bucket, number][] {
  return BUCKETS.map((b): [Bucket, number] => [b, rollUp.counts[b] ?? 0]).filter(([, n]) => n > 0);
}

/**
 * Under a focus area in the temple: a bar split by status (drawn, aria-hidden) and the same counts
 * written out with their icons, then how many measurements have data. Never one score.
 */
function RollUpCell({ rollUp }: { rollUp: RollUp | undefined }) {
  const { t } = useTranslation();
  const format = useValueFormat();
  if (!rollUp) return null;
  const counts = countsOf(rollUp);
  return (
    <div className="rollup">
      <div className="rollup__bar" aria-hidden="true">
        {counts.map(([bucket, n]) => (
          <span
            key={bucket}
            className={`rollup__segment status-fill--${bucket}`}
            style={{ flexGrow: n }}
            title={t(`monitoring.status.${bucket}`)}
          />
        ))}
      </div>
      <ul className="rollup__counts">
        {counts.map(([bucket, n]) => (
          <li key={bucket}>
            <StatusIcon status={bucket} />{' '}
            {t('monitoring.progress.count', { n: format.number(n), status: t(`monitoring.status.${bucket}`) })}
          </li>
        ))}
      </ul>
      <p className="rollup__coverage">
        {t('monitoring.progress.coverageShort', {
          total: format.number(rollUp.measurements),
          withValue: format.number(rollUp.coverage.withValue),
        })}
      </p>
    </div>
  );
}

function LatestValue({ series, unit }: { series: Series; unit: string }) {
  const { t } = useTranslation();
  const format = useValueFormat();
  const point = series.latest ?? series.baseline;
  if (!point) return <span className="muted">{t('monitoring.progress.noValue')}</span>;
  return (
    <>
      {t('monitoring.progress.valueInYear', {
        value: format.withUnit(point.value, unit),
        year: format.year(point.year),
      })}
    </>
  );
}

function MeasurementRow({
  slug,
  measurement,
  series,
}: {
  slug: string;
  measurement: MeasurementOut;
  series: Series[];
}) {
  const { t } = useTranslation();
  const breakdownLabel = useBreakdownLabel();
  const total = series.find((s) => s.breakdown === 'total');
  // A measurement counts by its total; without one (2.4.1a) each breakdown is shown with its own status.
  const order = breakdownKeys(measurement);
  const shown = total ? [total] : [...series].sort((a, b) => order.indexOf(a.breakdown) - order.indexOf(b.breakdown));
  return (
    <li className="progress-item">
      <p className="progress-item__name">
        <Link href={`/cities/${encodeURIComponent(slug)}/measurements/${measurement.id}`}>
          <span className="code">{measurement.id}</span> <LText value={measurement.name} />
        </Link>
      </p>
      {shown.length === 0 ? (
        <p className="progress-item__series">
          <StatusBadge status="no-data" />
        </p>
      ) : (
        <ul className="progress-item__series plain-list">
          {shown.map((s) => (
            <li key={s.breakdown}>
              {total ? null : <span className="progress-item__breakdown">{breakdownLabel(s.breakdown)}: </span>}
              <StatusBadge status={s.status} />{' '}
              <span className="progress-item__value">
                <span className="visually-hidden">{t('monitoring.progress.latest')} </span>
                <LatestValue series={s} unit={measurement.unit} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function FocusAreaProgress({
  slug,
  focusArea,
  rollUp,
  seriesOf,
}: {
  slug: string;
  focusArea: FocusAreaOut;
  rollUp: RollUp | undefined;
  seriesOf: (measurementId: string) => Series[];
}) {
  const { t } = useTranslation();
  const format = useValueFormat();
  const headingId = `${focusAnchor(focusArea.id)}-title`;
  return (
    <section id={focusAnchor(focusArea.id)} className="focus-progress" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1}>
        <span className="code">{focusArea.id}</span> <LText value={focusArea.title} />
      </h3>
      {rollUp ? (
        <p className="focus-progress__summary">
          {t('monitoring.progress.coverage', {
            count: rollUp.measurements,
            total: format.number(rollUp.measurements),
            withValue: format.number(rollUp.coverage.withValue),
          })}{' '}
          {countsOf(rollUp)
            .map(([bucket, n]) =>
              t('monitoring.progress.count', { n: format.number(n), status: t(`monitoring.status.${bucket}`) }),
            )
            .join(t('common.listSeparator'))}
        </p>
      ) : null}
      <ul className="progress-list plain-list">
        {focusArea.features.flatMap((feature) =>
          feature.measurements.map((m) => (
            <MeasurementRow key={m.id} slug={slug} measurement={m} series={seriesOf(m.id)} />
          )),
        )}
      </ul>
    </section>
  );
}

/** Scroll to and focus the focus area named in the address (#focus-2.3) once the page has drawn it. */
function useFocusAreaFragment(ready: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || !hash.startsWith('#focus-')) return;
    const section = document.getElementById(decodeURIComponent(hash.slice(1)));
    section?.scrollIntoView({ block: 'start' });
    section?.querySelector<HTMLElement>('h3')?.focus({ preventScroll: true });
  }, [ready, hash]);
}

/**
 * A city's public progress: the temple of the 12 focus areas with each one's statuses and coverage, then
 * every measurement with its status and latest value. Only accepted data is public (the API's rule).
 */
export default function CityProgress({ slug, fictional }: { slug: string; fictional: boolean }) {
  const { t } = useTranslation();
  const format = useValueFormat();
  const progress = useApi<ProgressResponse>(`/cities/${encodeURIComponent(slug)}/progress`);
  const framework = useApi<FrameworkResponse>('/framework');
  const data = progress.data;
  const ready = data !== undefined && framework.data !== undefined;
  useFocusAreaFragment(ready);

  const error = progress.error ?? framework.error;
  if (error) {
    return (
      <ErrorState
        error={error}
        onRetry={() => {
          progress.retry();
          framework.retry();
        }}
      />
    );
  }
  if (!data || !framework.data) return <Loading lines={4} />;

  const years = data.basedOn.acceptedYears;
  const rollUps = new Map(data.rollUps.focusArea.map((r) => [r.id, r]));
  const bySeries = new Map<string, Series[]>();
  for (const s of data.series) bySeries.set(s.measurementId, [...(bySeries.get(s.measurementId) ?? []), s]);
  const measurements = data.rollUps.area.reduce((n, r) => n + r.measurements, 0);
  const withValue = data.rollUps.area.reduce((n, r) => n + r.coverage.withValue, 0);
  const withTwo = data.rollUps.area.reduce((n, r) => n + r.coverage.withTwoValues, 0);
  const present = new Set(data.rollUps.focusArea.flatMap((r) => countsOf(r).map(([b]) => b)));
  const first = Math.min(...years);
  const last = Math.max(...years);

  return (
    <>
      {years.length === 0 ? (
        <p className="notice">{t('monitoring.progress.none')}</p>
      ) : (
        <>
          <p>
            {t('monitoring.progress.basedOn', {
              n: format.number(years.length),
              first: format.year(first),
              last: format.year(last),
            })}{' '}
            {fictional ? t('monitoring.progress.sampleNote') : null}
          </p>
          <p className="coverage-line">
            <strong>
              {t('monitoring.progress.coverage', {
                count: measurements,
                total: format.number(measurements),
                withValue: format.number(withValue),
              })}
            </strong>{' '}
            {t('monitoring.progress.coverageTrend', { n: format.number(withTwo) })}
          </p>
          <p>{t('monitoring.progress.noScore')}</p>
          <StatusLegend statuses={BUCKETS.filter((b) => present.has(b))} />
          <Temple
            framework={framework.data}
            hrefFor={(id) => `#${focusAnchor(id)}`}
            extra={(id) => <RollUpCell rollUp={rollUps.get(id)} />}
          />
        </>
      )}
      {years.length === 0
        ? null
        : framework.data.areas.flatMap((area) =>
            area.focusAreas.map((fa) => (
              <FocusAreaProgress
                key={fa.id}
                slug={slug}
                focusArea={fa}
                rollUp={rollUps.get(fa.id)}
                seriesOf={(id) => bySeries.get(id) ?? []}
              />
            )),
          )}
    </>
  );
}
