// The comparison's selection as it lives in the URL: `countries` (comma list; absent = all national
// countries, `none` = cleared), `sort` (`country` or a metric key), `dir` (`asc` | `desc`), `metric`,
// and the role matrix's country (`roles`) and grouping (`level`: `type` | `sector`).
import { listParam } from '../../lib/useSearchParams';
import { DEFAULT_METRIC, metricOf, type CountryMetrics, type Metric, type MetricKey } from './metrics';

export const PARAMS = ['countries', 'sort', 'dir', 'metric', 'roles', 'level'] as const;
export type Param = (typeof PARAMS)[number];

export type SortDir = 'asc' | 'desc';
export type SortKey = 'country' | MetricKey;

/** `countries=none`: the selection was cleared (an empty parameter would read as "all"). */
export const NO_COUNTRIES = 'none';

/**
 * The countries to compare: every available one when the URL names none (or an empty list), none for
 * `none`, else the named ones that exist, in the order of `available`.
 */
export function selectedCountries(param: string | null, available: readonly string[]): string[] {
  if (param?.trim().toLowerCase() === NO_COUNTRIES) return [];
  const named = new Set(listParam(param).map((c) => c.toUpperCase()));
  if (named.size === 0) return [...available];
  return available.filter((c) => named.has(c));
}

/** Codes the URL names that are not national countries on the map (shown as a notice). */
export function unknownCountries(param: string | null, available: readonly string[]): string[] {
  if (param?.trim().toLowerCase() === NO_COUNTRIES) return [];
  const known = new Set(available);
  return [...new Set(listParam(param).map((c) => c.toUpperCase()))].filter((c) => !known.has(c));
}

/** The URL value for a selection: null (absent) when it is every available country, `none` when empty. */
export function countriesParam(selected: readonly string[], available: readonly string[]): string | null {
  const set = new Set(selected);
  const ordered = available.filter((c) => set.has(c));
  if (ordered.length === available.length) return null;
  return ordered.length ? ordered.join(',') : NO_COUNTRIES;
}

export function sortKeyOf(param: string | null): SortKey {
  return param === 'country' || !metricOf(param) ? 'country' : (param as MetricKey);
}

export function sortDirOf(param: string | null, key: SortKey): SortDir {
  if (param === 'asc' || param === 'desc') return param;
  return defaultDir(key);
}

/** Countries read A to Z; metrics highest first. */
export function defaultDir(key: SortKey): SortDir {
  return key === 'country' ? 'asc' : 'desc';
}

/** After a click on a column header: the same column flips, another starts in its default direction. */
export function nextSort(current: { key: SortKey; dir: SortDir }, clicked: SortKey): { key: SortKey; dir: SortDir } {
  if (current.key === clicked) return { key: clicked, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key: clicked, dir: defaultDir(clicked) };
}

export function metricKeyOf(param: string | null): MetricKey {
  return metricOf(param)?.key ?? DEFAULT_METRIC;
}

/**
 * Rows sorted by a column. Missing values always go last, whichever the direction; ties keep the
 * countries' names in A to Z order.
 */
export function sortRows(
  rows: readonly CountryMetrics[],
  key: SortKey,
  dir: SortDir,
  nameOf: (code: string) => string,
): CountryMetrics[] {
  const byName = (a: CountryMetrics, b: CountryMetrics) => nameOf(a.country).localeCompare(nameOf(b.country));
  const sign = dir === 'asc' ? 1 : -1;
  if (key === 'country') return [...rows].sort((a, b) => sign * byName(a, b));
  const metric = metricOf(key) as Metric;
  return [...rows].sort((a, b) => {
    const va = metric.value(a);
    const vb = metric.value(b);
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    return sign * (va - vb) || byName(a, b);
  });
}
