// The comparison as a viewer may count it: a role that may not see personal data gets, per country, how many of
// the counted flows and cross-border channels carry it (`hidden`); the table and chart count the rest, which is
// what the country's map and sketch draw, and say the hidden number beside it.
import type { CountryMetrics } from './metrics';

/** The rows with `flows` and `crossBorderChannels` counting only what the user may see (unchanged without `hidden`). */
export function visibleRows(rows: readonly CountryMetrics[]): CountryMetrics[] {
  return rows.map((row) =>
    row.hidden
      ? {
          ...row,
          flows: row.flows - row.hidden.flows,
          crossBorderChannels: row.crossBorderChannels - row.hidden.crossBorderChannels,
        }
      : row,
  );
}

/** How many of a row's counted items of this metric are hidden (0 when none, or for a metric that is no count of flows). */
export function hiddenOf(row: CountryMetrics, metric: string): number {
  if (metric === 'flows') return row.hidden?.flows ?? 0;
  if (metric === 'crossBorderChannels') return row.hidden?.crossBorderChannels ?? 0;
  return 0;
}

/** The flows hidden in the compared countries (each country's own; a cross-border flow is in two countries). */
export function totalHidden(rows: readonly CountryMetrics[]): number {
  return rows.reduce((sum, row) => sum + (row.hidden?.flows ?? 0), 0);
}
