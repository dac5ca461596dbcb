// Every metric of every compared country in one table, sortable by any column (the URL's `sort` and
// `dir`); a missing value shows "–" and says why.
import { formatValue, METRICS, MISSING, type CountryMetrics, type Metric } from '../metrics';
import { sortRows, type SortDir, type SortKey } from '../selection';
import { hiddenOf } from '../visible';

interface Props {
  rows: readonly CountryMetrics[];
  sortKey: SortKey;
  sortDir: SortDir;
  onSort: (key: SortKey) => void;
  nameOf: (code: string) => string;
}

function SortHeader({
  label,
  keyName,
  help,
  sortKey,
  sortDir,
  onSort,
  numeric,
}: {
  label: string;
  keyName: SortKey;
  help?: string;
  sortKey: SortKey;
  sortDir: SortDir;
  onSort: (key: SortKey) => void;
  numeric: boolean;
}) {
  const active = sortKey === keyName;
  return (
    <th
      scope="col"
      aria-sort={active ? (sortDir === 'asc' ? 'ascending' : 'descending') : undefined}
      className={numeric ? 'num' : undefined}
    >
      <button
        type="button"
        onClick={() => onSort(keyName)}
        title={help}
        aria-describedby={help ? `metric-help-${keyName}` : undefined}
        data-sort-key={keyName}
      >
        {label}
        <span className={`sort-mark${active ? ' active' : ''}`} aria-hidden="true">
          {active ? (sortDir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

export function ValueCell({ metric, row }: { metric: Metric; row: CountryMetrics }) {
  const value = metric.value(row);
  if (value === null) {
    const why = metric.missing?.(row) ?? 'No value.';
    return (
      <td className="num missing" title={why} data-metric={metric.key} data-value="">
        <span aria-hidden="true">{MISSING}</span>
        <span className="visually-hidden">{why}</span>
      </td>
    );
  }
  const hidden = hiddenOf(row, metric.key);
  return (
    <td className="num" data-metric={metric.key} data-value={value} {...(hidden ? { 'data-hidden': hidden } : {})}>
      {formatValue(metric, value)}
      {hidden > 0 && <span className="muted"> (+{hidden} hidden)</span>}
    </td>
  );
}

export function MetricsTable({ rows, sortKey, sortDir, onSort, nameOf }: Props) {
  const sorted = sortRows(rows, sortKey, sortDir, nameOf);
  const sortedBy = sortKey === 'country' ? 'country name' : (METRICS.find((m) => m.key === sortKey)?.label ?? sortKey);
  return (
    <div className="table-scroll" role="region" aria-labelledby="compare-table-caption" tabIndex={0}>
      <table className="compare-table">
        <caption id="compare-table-caption">
          {rows.length} {rows.length === 1 ? 'country' : 'countries'}, sorted by {sortedBy.toLowerCase()} (
          {sortDir === 'asc' ? 'ascending' : 'descending'}). Select a column heading to sort by it.
        </caption>
        <thead>
          <tr>
            <SortHeader
              label="Country"
              keyName="country"
              sortKey={sortKey}
              sortDir={sortDir}
              onSort={onSort}
              numeric={false}
            />
            {METRICS.map((m) => (
              <SortHeader
                key={m.key}
                label={
                  m.group === 'Basis of the flows' && m.key !== 'personDependentShare' ? `${m.label} flows` : m.label
                }
                keyName={m.key}
                help={m.explanation}
                sortKey={sortKey}
                sortDir={sortDir}
                onSort={onSort}
                numeric
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.country} data-country={row.country}>
              <th scope="row">
                {nameOf(row.country)} <span className="muted">{row.country}</span>
              </th>
              {METRICS.map((m) => (
                <ValueCell key={m.key} metric={m} row={row} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
