// The map's filters: read from and written to the URL (theme, indicator, sector, basis, status,
// confidence as comma lists), and applied to a graph (pure) to say what is drawn, what is faded and
// who holds the filtered indicator.
import type { Basis, Confidence, FlowStatus, Sector } from '@model';
import { listParam } from '../../lib/useSearchParams';
import type { MapGraph } from '../../graph/api/types';
import { BASIS_ORDER, CONFIDENCE_ORDER, SECTOR_ORDER, STATUS_ORDER } from '../../graph/styles';

export const FILTER_PARAMS = ['theme', 'indicator', 'sector', 'basis', 'status', 'confidence'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

export interface MapFilters {
  themes: string[];
  /** One indicator at a time: its flows, its holders and its best path to the NCP. */
  indicator: string | null;
  sectors: Sector[];
  bases: Basis[];
  statuses: FlowStatus[];
  confidences: Confidence[];
}

export const NO_FILTERS: MapFilters = {
  themes: [],
  indicator: null,
  sectors: [],
  bases: [],
  statuses: [],
  confidences: [],
};

function known<T extends string>(values: string[], allowed: readonly T[]): T[] {
  return allowed.filter((a) => values.includes(a));
}

/** Filters from URL values; unknown enum values are dropped (themes and indicators are checked on use). */
export function filtersFromParams(values: Record<FilterParam, string | null>): MapFilters {
  return {
    themes: listParam(values.theme).map((t) => t.toUpperCase()),
    indicator: values.indicator ? values.indicator.toUpperCase() : null,
    sectors: known(listParam(values.sector), SECTOR_ORDER),
    bases: known(listParam(values.basis), BASIS_ORDER),
    statuses: known(listParam(values.status), STATUS_ORDER),
    confidences: known(listParam(values.confidence), CONFIDENCE_ORDER),
  };
}

export function filtersToParams(f: MapFilters): Record<FilterParam, string | null> {
  const list = (xs: readonly string[]) => (xs.length ? xs.join(',') : null);
  return {
    theme: list(f.themes),
    indicator: f.indicator,
    sector: list(f.sectors),
    basis: list(f.bases),
    status: list(f.statuses),
    confidence: list(f.confidences),
  };
}

export function activeFilterCount(f: MapFilters): number {
  return (
    f.themes.length +
    (f.indicator ? 1 : 0) +
    f.sectors.length +
    f.bases.length +
    f.statuses.length +
    f.confidences.length
  );
}

export interface FilterResult {
  /** Stakeholders drawn. */
  nodes: Set<string>;
  /** Flows drawn. */
  flows: Set<string>;
  /** Stakeholders drawn faded: none of their flows passes the flow filters (and they hold nothing filtered). */
  muted: Set<string>;
  /** Stakeholders holding a dataset that covers the filtered indicator. */
  holders: Set<string>;
}

/**
 * Applies the filters. Flow filters (theme, indicator, basis, status, confidence) keep every stakeholder
 * in place and fade those left without a flow; the sector filter keeps the flows with an end in the chosen
 * sectors, and draws those sectors' stakeholders and the other ends of their flows.
 */
export function applyFilters(
  graph: MapGraph,
  f: MapFilters,
  indicatorThemes: ReadonlyMap<string, readonly string[]>,
): FilterResult {
  const sectorOf = new Map(graph.stakeholders.map((s) => [s.id, s.sector]));
  const themeSet = new Set(f.themes);
  const carriesTheme = (codes: readonly string[]) =>
    codes.some((c) => (indicatorThemes.get(c) ?? []).some((t) => themeSet.has(t)));
  const inSectors = (id: string) => f.sectors.length === 0 || f.sectors.includes(sectorOf.get(id) as Sector);

  const flows = new Set<string>();
  for (const flow of graph.flows) {
    if (!sectorOf.has(flow.from) || !sectorOf.has(flow.to)) continue;
    if (f.indicator && !flow.indicators.includes(f.indicator)) continue;
    if (themeSet.size && !carriesTheme(flow.indicators)) continue;
    if (f.bases.length && !f.bases.includes(flow.basis)) continue;
    if (f.statuses.length && !f.statuses.includes(flow.status)) continue;
    if (f.confidences.length && !f.confidences.includes(flow.confidence)) continue;
    if (!inSectors(flow.from) && !inSectors(flow.to)) continue;
    flows.add(flow.id);
  }

  const holders = new Set<string>();
  if (f.indicator) {
    for (const d of graph.datasets) if (d.indicators.includes(f.indicator)) holders.add(d.holder);
  }

  const touched = new Set<string>();
  for (const flow of graph.flows) {
    if (flows.has(flow.id)) {
      touched.add(flow.from);
      touched.add(flow.to);
    }
  }
  const nodes = new Set<string>();
  for (const s of graph.stakeholders) {
    if (f.sectors.length === 0 || f.sectors.includes(s.sector) || touched.has(s.id)) nodes.add(s.id);
  }
  const flowFiltered =
    f.themes.length + (f.indicator ? 1 : 0) + f.bases.length + f.statuses.length + f.confidences.length > 0;
  const muted = new Set<string>();
  if (flowFiltered) {
    for (const s of graph.stakeholders) {
      if (nodes.has(s.id) && !touched.has(s.id) && !holders.has(s.id) && !(s.ncp && !s.external)) muted.add(s.id);
    }
  }
  return { nodes, flows, muted, holders };
}
