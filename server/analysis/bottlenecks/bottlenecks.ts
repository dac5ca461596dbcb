// Bottlenecks (ANALYSIS.md §3): betweenness of stakeholders and flows in the country graph, single
// points of failure and critical flows per indicator reaching the NCP, and fragile coverage.
import { assertCountry, coverageCell } from '../coverage/coverage';
import { flowsTowards } from '../coverage/paths';
import { countryBetweenness, countryDependencies, countryIndex, type FlowGraph } from '../flow-graph';
import { edgeBetweennessScale } from '../metrics';
import { fragileCoverage, type FragileIndicator } from './fragile';
import { singlePointsOfFailure } from './single-points';

export interface Bottlenecks {
  country: string;
  betweenness: Array<{ id: string; value: number }>;
  edgeBetweenness: Array<{ id: string; value: number }>;
  singlePointsOfFailure: Array<{ id: string; indicators: string[] }>;
  criticalFlows: Array<{ id: string; indicators: string[] }>;
  fragile: FragileIndicator[];
}

const byValue = (a: { id: string; value: number }, b: { id: string; value: number }) =>
  b.value - a.value || a.id.localeCompare(b.id);
const byCount = (a: { id: string; indicators: string[] }, b: { id: string; indicators: string[] }) =>
  b.indicators.length - a.indicators.length || a.id.localeCompare(b.id);

/** For every indicator reaching the NCP (not held by it), what the dominator analysis finds. */
export function singlePoints(
  fg: FlowGraph,
  country: string,
): { stakeholders: Map<string, string[]>; flows: Map<string, string[]> } {
  const stakeholders = new Map<string, string[]>();
  const flows = new Map<string, string[]>();
  const ncp = fg.ncpOf(country);
  if (!ncp) return { stakeholders, flows };
  const add = (map: Map<string, string[]>, id: string, x: string) => map.set(id, [...(map.get(id) ?? []), x]);
  for (const x of fg.indicators) {
    if (coverageCell(fg, country, x, false).status !== 'reaches_ncp') continue;
    const edges = flowsTowards(fg.flowsCarrying(x), ncp);
    const onPaths = new Set(edges.map((e) => e.from));
    const holders = fg.holders(country, x).filter((h) => h !== ncp && onPaths.has(h));
    const found = singlePointsOfFailure({ edges, holders, ncp });
    for (const id of found.stakeholders) add(stakeholders, id, x);
    for (const id of found.flows) add(flows, id, x);
  }
  return { stakeholders, flows };
}

export function bottlenecks(fg: FlowGraph, country: string): Bottlenecks {
  assertCountry(fg, country);
  const bc = countryBetweenness(fg, country);
  // Edge betweenness of the country graph (as `edgeBetweenness` computes it), from the same Brandes run.
  const index = countryIndex(fg, country);
  const raw = countryDependencies(fg, country).edge;
  const scale = edgeBetweennessScale(index.nodes.length);
  const edgeValues: Array<{ id: string; value: number }> = [];
  for (let slot = 0; slot < index.flows.length; slot++) {
    for (const flow of index.flows[slot]!) edgeValues.push({ id: flow, value: raw[slot]! * scale });
  }
  const spof = singlePoints(fg, country);
  return {
    country,
    betweenness: Object.entries(bc)
      .map(([id, value]) => ({ id, value }))
      .sort(byValue),
    edgeBetweenness: edgeValues.sort(byValue),
    singlePointsOfFailure: [...spof.stakeholders].map(([id, indicators]) => ({ id, indicators })).sort(byCount),
    criticalFlows: [...spof.flows].map(([id, indicators]) => ({ id, indicators })).sort(byCount),
    fragile: fragileCoverage(fg, country),
  };
}
