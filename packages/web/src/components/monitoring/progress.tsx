import type { MeasurementOut, ObservationOut, RollUpBucket } from '@lco/core';
import { useTranslation } from 'react-i18next';
import en from '../../i18n/locales/en.json';
import { useLang } from '../../i18n/useLang.ts';
import { EnglishText } from '../LText.tsx';

/**
 * Where a measurement stands, in the order a legend shows it: core's ROLL_UP_BUCKETS (progress/rollup.ts),
 * repeated here because that module's package entry also carries zod. `satisfies` keeps the two in step.
 */
export const BUCKETS = [
  'achieved',
  'on-track',
  'moderate',
  'limited',
  'improving',
  'stable',
  'rising',
  'falling',
  'deteriorating',
  'insufficient-data',
  'breakdowns-only',
  'no-data',
] as const satisfies readonly RollUpBucket[];
export type Bucket = (typeof BUCKETS)[number];

/** A focus area's section id on the city page (the temple and the measurement pages link to it). */
export const focusAnchor = (id: string) => `focus-${id}`;

export function isBucket(value: string): value is Bucket {
  return (BUCKETS as readonly string[]).includes(value);
}

/**
 * Each status has a shape as well as a colour (never colour alone); the shapes are aria-hidden, the
 * status name is always written beside them.
 */
const ICONS: Readonly<Record<Bucket, string>> = {
  achieved: '★',
  'on-track': '▲',
  moderate: '◆',
  limited: '◇',
  improving: '↗',
  stable: '→',
  rising: '↑',
  falling: '↓',
  deteriorating: '▼',
  'insufficient-data': '…',
  'breakdowns-only': '▦',
  'no-data': '○',
};

export function StatusIcon({ status }: { status: Bucket }) {
  return (
    <span className={`status-icon status-icon--${status}`} aria-hidden="true">
      {ICONS[status]}
    </span>
  );
}

/** A status as icon and name, e.g. "↗ improving". */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const bucket = isBucket(status) ? status : 'insufficient-data';
  return (
    <span className={`status-badge status-badge--${bucket}`}>
      <StatusIcon status={bucket} />
      <span>{t(`monitoring.status.${bucket}`)}</span>
    </span>
  );
}

/** The statuses with their icon and colour, as a list, for the temple and the lists under it. */
export function StatusLegend({ statuses = BUCKETS }: { statuses?: readonly Bucket[] }) {
  const { t } = useTranslation();
  return (
    <div className="status-legend">
      <p className="status-legend__title" id="status-legend-title">
        {t('monitoring.legend')}
      </p>
      <ul className="status-legend__list" aria-labelledby="status-legend-title">
        {statuses.map((status) => (
          <li key={status}>
            <StatusBadge status={status} />
          </li>
        ))}
      </ul>
    </div>
  );
}

const UNITS = [
  'percent',
  'per-100k',
  'count',
  'usd-ppp',
  'tonnes-per-capita',
  'kg-per-capita',
  'years',
  'hours-per-week',
  'visits-per-month',
  'ratio',
  'rating-1-5',
] as const satisfies readonly MeasurementOut['unit'][];
type Unit = (typeof UNITS)[number];
const isUnit = (value: string): value is Unit => (UNITS as readonly string[]).includes(value);

const PROVENANCES = [
  'manual',
  'import',
  'survey-estimate',
  'expert-consolidation',
  'learning-space-map',
  'sample',
] as const satisfies readonly ObservationOut['provenance'][];
type Provenance = (typeof PROVENANCES)[number];
const isProvenance = (value: string): value is Provenance => (PROVENANCES as readonly string[]).includes(value);

/** Decimals written in an exact figure ("79.20" has two), so a value is shown as precisely as it was given. */
function decimalsOf(value: string): number {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : Math.min(6, value.length - dot - 1);
}

/** Figures in the interface language: "79.2 %", "3 289,6 pour 100 000 habitants", "٧٩٫٢٪". */
export function useValueFormat() {
  const { t } = useTranslation();
  const lang = useLang();
  const number = (value: number | string, decimals?: number): string => {
    const digits = decimals ?? (typeof value === 'string' ? decimalsOf(value) : undefined);
    const format = new Intl.NumberFormat(
      lang,
      digits === undefined
        ? { maximumFractionDigits: 2 }
        : { minimumFractionDigits: digits, maximumFractionDigits: digits },
    );
    return format.format(Number(value));
  };
  const withUnit = (value: number | string, unit: string, decimals?: number): string => {
    const text = number(value, decimals);
    return isUnit(unit) ? t(`monitoring.valueUnit.${unit}`, { value: text }) : `${text} ${unit}`;
  };
  const years = new Intl.NumberFormat(lang, { useGrouping: false });
  const year = (value: number): string => years.format(value);
  return { number, withUnit, year };
}

/** "Total", "Sex: female", "Level of education: primary education". */
export function useBreakdownLabel() {
  const { t } = useTranslation();
  return (key: string): string => {
    if (key === 'total') return t('monitoring.breakdownTotal');
    const [dimension = '', category = ''] = key.split(':');
    const dimensionText =
      dimension in en.breakdown.dimension
        ? t(`breakdown.dimension.${dimension as keyof typeof en.breakdown.dimension}`)
        : dimension;
    const categoryText =
      category in en.breakdown.category
        ? t(`breakdown.category.${category as keyof typeof en.breakdown.category}`)
        : category.replaceAll('-', ' ');
    return t('monitoring.breakdownPart', { dimension: dimensionText, category: categoryText });
  };
}

/** Where a figure comes from, in words; sample figures say they are invented. */
export function ProvenanceLabel({ provenance }: { provenance: string }) {
  const { t } = useTranslation();
  if (isProvenance(provenance)) {
    const text = t(`monitoring.provenance.${provenance}`);
    return provenance === 'sample' ? (
      <span className="badge badge--sample">
        <span aria-hidden="true">◇ </span>
        {text}
      </span>
    ) : (
      text
    );
  }
  return <EnglishText text={provenance} />;
}
