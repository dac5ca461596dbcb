// Resilience (ANALYSIS.md §6): for every indicator of the catalogue, how many stakeholders must drop
// out before it stops reaching the country's NCP: vertex-disjoint X-paths from the holders to the NCP.
// §6 always reads active flows, informal ones included, any confidence: the caller passes a flow graph
// built with the default options.
import { assertCountry, coverageCell, type CoverageStatus } from '../coverage/coverage';
import { flowsTowards } from '../coverage/paths';
import type { FlowGraph } from '../flow-graph';
import { memoOn } from '../memo';
import { disjointRoutes } from './disjoint-routes';

export interface IndicatorResilience {
  indicator: string;
  status: CoverageStatus;
  /** reaches_ncp: the number of disjoint routes (1 or more); collected_not_reaching: 0; otherwise null. */
  resilience: number | null;
  /** Exactly one holder of the indicator in the country, the NCP counted like any other. */
  singleHolder: boolean;
  holders: string[];
  /** One smallest set of stakeholders whose removal cuts the indicator from the NCP (empty for resilience 0 or null). */
  cut: string[];
}

export interface ResilienceSummary {
  held: number;
  gaps: number;
  one: number;
  two: number;
  threeOrMore: number;
  /** Reaching indicators with a single holder. */
  singleHolder: number;
}

export interface Resilience {
  country: string;
  ncp: string | null;
  indicators: IndicatorResilience[];
  summary: ResilienceSummary;
}

/** Extra X-carrying edges (proposed flows) to count as if they existed. */
export type ExtraEdges = ReadonlyArray<{ from: string; to: string }>;

/** The X-graph's edges that can lie on a route to the NCP, plus `extra`. */
function edgesOf(
  fg: FlowGraph,
  indicator: string,
  ncp: string,
  extra: ExtraEdges,
): ReadonlyArray<{ from: string; to: string }> {
  return extra.length ? [...fg.flowsCarrying(indicator), ...extra] : flowsTowards(fg.flowsCarrying(indicator), ncp);
}

/** Disjoint routes of one indicator from the country's holders to its NCP, with `extra` edges added. */
export function routesToNcp(fg: FlowGraph, country: string, indicator: string, extra: ExtraEdges = [], limit?: number) {
  const ncp = fg.ncpOf(country);
  if (!ncp) throw new Error(`routesToNcp: country '${country}' has no NCP`);
  return disjointRoutes({
    edges: edgesOf(fg, indicator, ncp, extra),
    sources: fg.holders(country, indicator),
    target: ncp,
    ...(limit ? { limit } : {}),
  });
}

/** One indicator's resilience in one country, memoised on the flow graph. */
export function indicatorResilience(fg: FlowGraph, country: string, indicator: string): IndicatorResilience {
  return memoOn(fg, `resilience|${country}|${indicator}`, () => {
    const { status, holders } = coverageCell(fg, country, indicator, false);
    const base = { indicator, status, singleHolder: holders.length === 1, holders };
    if (status === 'collected_not_reaching') return { ...base, resilience: 0, cut: [] };
    if (status !== 'reaches_ncp') return { ...base, resilience: null, cut: [] };
    const { routes, cut } = routesToNcp(fg, country, indicator);
    return { ...base, resilience: routes, cut };
  });
}

export function resilience(fg: FlowGraph, country: string): Resilience {
  assertCountry(fg, country);
  const indicators = fg.indicators.map((x) => indicatorResilience(fg, country, x));
  const summary: ResilienceSummary = { held: 0, gaps: 0, one: 0, two: 0, threeOrMore: 0, singleHolder: 0 };
  for (const r of indicators) {
    if (r.status === 'held_by_ncp') summary.held++;
    else if (r.status === 'collected_not_reaching') summary.gaps++;
    else if (r.status === 'reaches_ncp') {
      const k = r.resilience!;
      if (k === 1) summary.one++;
      else if (k === 2) summary.two++;
      else summary.threeOrMore++;
      if (r.singleHolder) summary.singleHolder++;
    }
  }
  return { country, ncp: fg.ncpOf(country) ?? null, indicators, summary };
}
