// One metric across the compared countries: a picker (the URL's `metric`), what it measures, a bar
// chart drawn as SVG (highest first, missing values last) and the same values as a table.
import { useId } from 'react';
import {
  formatValue,
  METRIC_GROUPS,
  metricOf,
  METRICS,
  scaleMax,
  type CountryMetrics,
  type MetricKey,
} from '../metrics';
import { sortRows } from '../selection';
import { ValueCell } from './MetricsTable';

interface Props {
  rows: readonly CountryMetrics[];
  metricKey: MetricKey;
  onMetric: (key: MetricKey) => void;
  nameOf: (code: string) => string;
}

const LABEL_W = 170;
const BAR_W = 380;
const VALUE_W = 90;
const ROW_H = 28;
const BAR_H = 18;
const PAD = 6;
const BAR_COLOR = '#0b5a8c';

export function MetricChart({ rows, metricKey, onMetric, nameOf }: Props) {
  const metric = metricOf(metricKey) ?? METRICS[0]!;
  const id = useId();
  const sorted = sortRows(rows, metric.key, 'desc', nameOf);
  const max = scaleMax(sorted.map((r) => metric.value(r)));
  const height = PAD * 2 + sorted.length * ROW_H;
  const width = LABEL_W + BAR_W + VALUE_W;
  const title = `${metric.label} by country, highest first`;

  return (
    <div className="metric-chart">
      <div className="metric-picker">
        <label htmlFor={`${id}-metric`}>Measure</label>
        <select
          id={`${id}-metric`}
          value={metric.key}
          onChange={(e) => onMetric(e.target.value as MetricKey)}
          aria-describedby={`${id}-help`}
        >
          {METRIC_GROUPS.map((group) => (
            <optgroup key={group} label={group}>
              {METRICS.filter((m) => m.group === group).map((m) => (
                <option key={m.key} value={m.key}>
                  {m.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <p id={`${id}-help`} className="metric-help">
          {metric.explanation}
        </p>
      </div>

      <svg
        className="bar-chart"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        data-metric={metric.key}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>The same values are in the table below the chart.</desc>
        <line x1={LABEL_W} x2={LABEL_W} y1={PAD / 2} y2={height - PAD / 2} stroke="#1a1a1a" strokeWidth="1" />
        {sorted.map((row, i) => {
          const value = metric.value(row);
          const y = PAD + i * ROW_H;
          const w = value === null ? 0 : Math.max(value > 0 ? 1 : 0, (value / max) * BAR_W);
          const text = value === null ? 'no value' : formatValue(metric, value);
          return (
            <g key={row.country} className="bar" data-country={row.country} data-value={value ?? ''}>
              <title>
                {nameOf(row.country)}: {value === null ? (metric.missing?.(row) ?? 'no value') : text}
              </title>
              <text x={LABEL_W - 8} y={y + ROW_H / 2} textAnchor="end" dominantBaseline="middle" className="bar-label">
                {nameOf(row.country)}
              </text>
              <rect x={LABEL_W} y={y + (ROW_H - BAR_H) / 2} width={w} height={BAR_H} fill={BAR_COLOR} />
              <text
                x={LABEL_W + w + 6}
                y={y + ROW_H / 2}
                dominantBaseline="middle"
                className={value === null ? 'bar-value missing' : 'bar-value'}
              >
                {text}
              </text>
            </g>
          );
        })}
      </svg>

      <details className="chart-table">
        <summary>The values as a table</summary>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Country</th>
              <th scope="col" className="num">
                {metric.label}
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <tr key={row.country} data-country={row.country}>
                <th scope="row">{nameOf(row.country)}</th>
                <ValueCell metric={metric} row={row} />
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
