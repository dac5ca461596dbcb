// What the map's filters leave of a graph (MapScreen): the filters read from the URL, the stakeholders and
// flows drawn, the chosen indicator's coverage and its path to the NCP, and what the view frames (and when).
import { useMemo } from 'react';
import { useCoverage } from '../analysis/api/getCoverage';
import type { MapGraph, ReferenceResponse } from '../../graph/api/types';
import { activeFilterCount, applyFilters, filtersFromParams, type FilterParam } from './filters';

const EMPTY: readonly string[] = [];

export function useMapFilters(
  graph: MapGraph,
  country: string,
  params: Readonly<Record<FilterParam, string | null>>,
  reference: ReferenceResponse | undefined,
) {
  const indicatorNames = useMemo(
    () => new Map((reference?.indicators ?? []).map((i) => [i.code, i.name])),
    [reference],
  );
  const indicatorThemes = useMemo(
    () => new Map((reference?.indicators ?? []).map((i) => [i.code, i.themes])),
    [reference],
  );

  // Recomputed when a filter parameter changes, not on every keystroke in the search box.
  const { theme, indicator, sector, basis, status, confidence } = params;
  const filters = useMemo(
    () => filtersFromParams({ theme, indicator, sector, basis, status, confidence }),
    [theme, indicator, sector, basis, status, confidence],
  );
  const result = useMemo(() => applyFilters(graph, filters, indicatorThemes), [graph, filters, indicatorThemes]);
  const filtered = activeFilterCount(filters) > 0;

  const coverage = useCoverage(filters.indicator ? country : null);
  const cell = coverage.data?.cells.find((c) => c.indicator === filters.indicator);
  const highlightNodes =
    cell?.status === 'reaches_ncp' || cell?.status === 'held_by_ncp' ? (cell.path ?? EMPTY) : EMPTY;
  const highlightFlows = cell?.status === 'reaches_ncp' ? (cell.flows ?? EMPTY) : EMPTY;

  const visibleFlows = useMemo(() => graph.flows.filter((f) => result.flows.has(f.id)), [graph, result]);
  // With filters on, the view frames what they leave: the drawn flows' ends, the holders, the NCP.
  const focus = useMemo(() => {
    if (!filtered) return undefined;
    const ids = new Set([...result.holders, ...highlightNodes]);
    for (const f of visibleFlows) {
      ids.add(f.from);
      ids.add(f.to);
    }
    for (const s of graph.stakeholders) if (s.ncp && s.country === country && !s.external) ids.add(s.id);
    return ids;
  }, [filtered, result, visibleFlows, highlightNodes, graph, country]);

  // The view frames the focus again when the filters change, and once the indicator's coverage has come; not when
  // new data (a live change) alters what the focus holds.
  const focusKey = `${JSON.stringify(filters)}|${coverage.isPending ? '' : 'coverage'}`;

  return {
    indicatorNames,
    filters,
    result,
    filtered,
    coverage,
    cell,
    highlightNodes,
    highlightFlows,
    visibleFlows,
    focus,
    focusKey,
  };
}
