import { useTranslation } from 'react-i18next';
import { useValueFormat } from './progress.tsx';

export interface Point {
  year: number;
  value: number;
}

export interface ChartPanel {
  /** Breakdown key ('total', 'sex:female'). */
  key: string;
  label: string;
  points: readonly Point[];
  baseline: Point | null;
  target: Point | null;
}

interface Props {
  panels: readonly ChartPanel[];
  unit: string;
  /** The measurement's name, for each panel's accessible name. */
  name: string;
}

// Drawing units of one panel; the SVG scales to its column.
const WIDTH = 320;
const HEIGHT = 200;
const MARGIN = { top: 22, right: 14, bottom: 26, left: 46 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;

/** A round step for about `count` intervals over `span` (1, 2 or 5 times a power of ten). */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const ratio = raw / power;
  return (ratio >= 5 ? 10 : ratio >= 2 ? 5 : ratio >= 1 ? 2 : 1) * power;
}

/** The value axis shared by every panel, so the breakdowns compare at a glance. */
export function valueScale(values: readonly number[]) {
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    min -= pad;
    max += pad;
  }
  const step = niceStep(max - min, 4);
  const low = Math.floor(min / step) * step;
  const high = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = low; v <= high + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return {
    ticks,
    decimals,
    y: (value: number) => MARGIN.top + PLOT_H - ((value - low) / (high - low)) * PLOT_H,
  };
}

function yearScale(years: readonly number[]) {
  const first = Math.min(...years);
  const last = Math.max(...years);
  return (year: number) =>
    first === last ? MARGIN.left + PLOT_W / 2 : MARGIN.left + ((year - first) / (last - first)) * PLOT_W;
}

/**
 * A measurement's series drawn as small multiples, one panel per breakdown side by side, on one value
 * axis: the values as a line with dots, the target as a dashed line with its label, the baseline as a
 * ring with a marker. Each panel is an image with a one-sentence description; the table under the chart
 * carries the same figures (DESIGN §7). Time runs left to right in every language.
 */
export function SeriesChart({ panels, unit, name }: Props) {
  const { t } = useTranslation();
  const format = useValueFormat();
  const values = panels.flatMap((p) => [
    ...p.points.map((q) => q.value),
    ...(p.target ? [p.target.value] : []),
    ...(p.baseline ? [p.baseline.value] : []),
  ]);
  const years = panels.flatMap((p) => [...p.points.map((q) => q.year), ...(p.baseline ? [p.baseline.year] : [])]);
  if (values.length === 0 || years.length === 0) return null;
  const scale = valueScale(values);
  const x = yearScale(years);
  const first = Math.min(...years);
  const last = Math.max(...years);
  const every = last - first > 6 ? 2 : 1;
  const yearTicks: number[] = [];
  for (let year = last; year >= first; year -= every) yearTicks.unshift(year);

  const describe = (panel: ChartPanel): string => {
    const sorted = [...panel.points].sort((a, b) => a.year - b.year);
    const start = sorted[0];
    const end = sorted.at(-1);
    const parts = [
      start && end
        ? t('monitoring.chart.describeSeries', {
            name,
            breakdown: panel.label,
            from: format.withUnit(start.value, unit),
            fromYear: format.year(start.year),
            to: format.withUnit(end.value, unit),
            toYear: format.year(end.year),
          })
        : t('monitoring.chart.describeEmpty', { name, breakdown: panel.label }),
    ];
    if (panel.target) {
      parts.push(
        t('monitoring.chart.describeTarget', {
          value: format.withUnit(panel.target.value, unit),
          year: format.year(panel.target.year),
        }),
      );
    }
    return parts.join(' ');
  };

  return (
    <div className="chart">
      <ul className="chart__panels">
        {panels.map((panel) => {
          const sorted = [...panel.points].sort((a, b) => a.year - b.year);
          const path = sorted
            .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.year).toFixed(1)},${scale.y(p.value).toFixed(1)}`)
            .join(' ');
          return (
            <li key={panel.key} className="chart__panel">
              <p className="chart__panel-title" aria-hidden="true">
                {panel.label}
              </p>
              <svg
                className="chart__svg"
                viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
                role="img"
                aria-label={describe(panel)}
                direction="ltr"
              >
                <g className="chart__grid">
                  {scale.ticks.map((tick) => (
                    <g key={tick}>
                      <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={scale.y(tick)} y2={scale.y(tick)} />
                      <text x={MARGIN.left - 6} y={scale.y(tick)} dy="0.32em" textAnchor="end">
                        {format.number(tick, scale.decimals)}
                      </text>
                    </g>
                  ))}
                </g>
                <g className="chart__years">
                  {yearTicks.map((year) => (
                    <text key={year} x={x(year)} y={HEIGHT - 8} textAnchor="middle">
                      {format.year(year)}
                    </text>
                  ))}
                </g>
                {panel.target ? (
                  <g className="chart__target">
                    <line
                      x1={MARGIN.left}
                      x2={WIDTH - MARGIN.right}
                      y1={scale.y(panel.target.value)}
                      y2={scale.y(panel.target.value)}
                    />
                    <text x={WIDTH - MARGIN.right} y={scale.y(panel.target.value) - 4} textAnchor="end">
                      {t('monitoring.chart.targetLabel', {
                        value: format.number(panel.target.value),
                        year: format.year(panel.target.year),
                      })}
                    </text>
                  </g>
                ) : null}
                {panel.baseline ? (
                  <g className="chart__baseline">
                    <line
                      x1={x(panel.baseline.year)}
                      x2={x(panel.baseline.year)}
                      y1={MARGIN.top - 2}
                      y2={scale.y(panel.baseline.value)}
                    />
                    <text x={x(panel.baseline.year) + 3} y={MARGIN.top - 8} textAnchor="start">
                      {t('monitoring.chart.baselineLabel')}
                    </text>
                    <circle cx={x(panel.baseline.year)} cy={scale.y(panel.baseline.value)} r={6.5} />
                  </g>
                ) : null}
                <path className="chart__line" d={path} />
                <g className="chart__points">
                  {sorted.map((p) => (
                    <circle key={p.year} cx={x(p.year)} cy={scale.y(p.value)} r={3} />
                  ))}
                </g>
              </svg>
            </li>
          );
        })}
      </ul>
      <ul className="chart__legend" aria-hidden="true">
        <li className="chart__legend-item">
          <svg viewBox="0 0 24 12" className="chart__key" aria-hidden="true">
            <path className="chart__line" d="M1,6 L23,6" />
            <circle className="chart__dot" cx="12" cy="6" r="3" />
          </svg>
          {t('monitoring.chart.legendValues')}
        </li>
        <li className="chart__legend-item">
          <svg viewBox="0 0 24 12" className="chart__key" aria-hidden="true">
            <circle className="chart__ring" cx="12" cy="6" r="5" />
          </svg>
          {t('monitoring.chart.baselineLabel')}
        </li>
        <li className="chart__legend-item">
          <svg viewBox="0 0 24 12" className="chart__key" aria-hidden="true">
            <path className="chart__dash" d="M1,6 L23,6" />
          </svg>
          {t('monitoring.chart.legendTarget')}
        </li>
      </ul>
    </div>
  );
}
