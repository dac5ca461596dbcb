// Pure helpers of the gaps view: how each coverage status is shown and said (ANALYSIS.md §1), the
// indicators grouped by theme, and the per-country counts and ratios read off the matrix.
import type { CoverageMatrixResponse } from '../analysis/api/types';

export type CoverageStatus = CoverageMatrixResponse['cells'][number]['status'];
export type MatrixCell = CoverageMatrixResponse['cells'][number];

export const STATUS_ORDER: readonly CoverageStatus[] = [
  'held_by_ncp',
  'reaches_ncp',
  'collected_not_reaching',
  'not_collected',
  'no_ncp',
];

/** Legend wording and the symbol drawn in each cell, so that colour is never the only signal. */
export const STATUS_LOOK: Record<CoverageStatus, { legend: string; symbol: string }> = {
  held_by_ncp: { legend: 'Held by the NCP itself', symbol: '★' },
  reaches_ncp: { legend: 'Reaches the NCP (number: hops)', symbol: '→' },
  collected_not_reaching: { legend: 'Collected, but never reaches the NCP', symbol: '✕' },
  not_collected: { legend: 'Not collected in the country', symbol: '–' },
  no_ncp: { legend: 'No NCP mapped', symbol: '?' },
};

/** What is drawn in a cell: the hop count for a reaching indicator, else the status's symbol. */
export function cellSymbol(status: CoverageStatus, hops?: number): string {
  return status === 'reaches_ncp' && hops !== undefined ? String(hops) : STATUS_LOOK[status].symbol;
}

/** The status in words, as a sentence ending: "reaches the NCP in 2 hops". */
export function statusWords(status: CoverageStatus, hops?: number): string {
  switch (status) {
    case 'held_by_ncp':
      return 'held by the NCP itself';
    case 'reaches_ncp':
      return hops === undefined ? 'reaches the NCP' : `reaches the NCP in ${hops} ${hops === 1 ? 'hop' : 'hops'}`;
    case 'collected_not_reaching':
      return 'collected, but does not reach the NCP';
    case 'not_collected':
      return 'not collected';
    case 'no_ncp':
      return 'no NCP mapped';
  }
}

export interface CatalogueIndicator {
  code: string;
  name: string;
  themes: readonly string[];
}

export interface ThemeGroup {
  code: string;
  name: string;
  indicators: { code: string; name: string }[];
}

/**
 * The matrix's indicators grouped by theme, themes in catalogue order, indicators in matrix order.
 * An indicator in several themes appears under its first; one missing from the catalogue goes to "Other".
 */
export function groupByTheme(
  indicators: readonly string[],
  catalogue: readonly CatalogueIndicator[],
  themes: readonly { code: string; name: string }[],
): ThemeGroup[] {
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  const groups = new Map<string, ThemeGroup>(
    themes.map((t) => [t.code, { code: t.code, name: t.name, indicators: [] }]),
  );
  const other: ThemeGroup = { code: '', name: 'Other', indicators: [] };
  for (const code of indicators) {
    const entry = byCode.get(code);
    const group = (entry?.themes[0] !== undefined && groups.get(entry.themes[0])) || other;
    group.indicators.push({ code, name: entry?.name ?? code });
  }
  return [...groups.values(), other].filter((g) => g.indicators.length > 0);
}

export function countStatuses(cells: readonly { status: CoverageStatus }[]): Record<CoverageStatus, number> {
  const counts: Record<CoverageStatus, number> = {
    held_by_ncp: 0,
    reaches_ncp: 0,
    collected_not_reaching: 0,
    not_collected: 0,
    no_ncp: 0,
  };
  for (const c of cells) counts[c.status] += 1;
  return counts;
}

/**
 * A country's coverage ratio (reaching or held over collected) and reference coverage (over the
 * whole catalogue), as ANALYSIS.md §1 defines them; null when the denominator is 0 or there is no NCP.
 */
export function countryRatios(
  cells: readonly { status: CoverageStatus }[],
  catalogueSize: number,
): { coverageRatio: number | null; referenceCoverage: number | null } {
  const n = countStatuses(cells);
  if (n.no_ncp > 0) return { coverageRatio: null, referenceCoverage: null };
  const covered = n.held_by_ncp + n.reaches_ncp;
  const collected = covered + n.collected_not_reaching;
  return {
    coverageRatio: collected > 0 ? covered / collected : null,
    referenceCoverage: catalogueSize > 0 ? covered / catalogueSize : null,
  };
}
