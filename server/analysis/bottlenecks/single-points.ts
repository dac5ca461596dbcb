// Single points of failure and critical flows for one indicator reaching one NCP (ANALYSIS.md §3).
import { immediateDominatorsIndexed } from '../metrics/graph/dominators';

export interface SinglePointsInput {
  /** The flows that carry the indicator, anywhere in the region; parallel flows and self-loops allowed. */
  edges: ReadonlyArray<{ id: string; from: string; to: string }>;
  /** The country's stakeholders holding the indicator, never the NCP (held_by_ncp is the caller's case). */
  holders: readonly string[];
  ncp: string;
}

export interface SinglePoints {
  /** Stakeholders (of any country, holders included) on every path from every holder to the NCP. */
  stakeholders: string[];
  /** Flows on every such path: removing one cuts the indicator from the NCP. */
  flows: string[];
}

/**
 * ANALYSIS.md §3: the dominators of the NCP in the indicator's flow graph with a virtual source
 * joined to every holder, minus the source and the NCP. Each flow u -> v is subdivided into
 * u -> [flow] -> v, so one dominator tree answers both questions: paths keep the same stakeholders,
 * and a flow-node dominates the NCP exactly when removing the flow leaves no path (two parallel
 * flows therefore never do). Self-loops lie on no simple path and are left out. When the indicator
 * does not reach the NCP at all, both lists are empty. Lists are sorted by id.
 */
export function singlePointsOfFailure(input: SinglePointsInput): SinglePoints {
  const { edges, holders, ncp } = input;
  // Nodes are numbered, not keyed by strings (stakeholder and flow ids may coincide, and this runs
  // per indicator on the whole region): 0 is the virtual source, then stakeholders 1..s in order
  // of appearance, then one node per flow, s + 1 + its position in `edges`.
  const SOURCE = 0;
  const stakeholderIndex = new Map<string, number>();
  const stakeholderIds: string[] = [];
  const stakeholder = (id: string): number => {
    let i = stakeholderIndex.get(id);
    if (i === undefined) {
      i = stakeholderIds.push(id);
      stakeholderIndex.set(id, i);
    }
    return i;
  };

  const ncpIndex = stakeholder(ncp);
  const holderIndices = new Set<number>();
  for (const h of holders) {
    if (h === ncp)
      throw new Error(
        `singlePointsOfFailure: the NCP "${ncp}" is passed as a holder (held_by_ncp is the caller's case)`,
      );
    holderIndices.add(stakeholder(h));
  }
  const fromIndex = new Int32Array(edges.length);
  const toIndex = new Int32Array(edges.length);
  const flowIds = new Set<string>();
  for (let k = 0; k < edges.length; k++) {
    const e = edges[k]!;
    if (flowIds.has(e.id)) throw new Error(`singlePointsOfFailure: flow "${e.id}" is listed twice`);
    flowIds.add(e.id);
    fromIndex[k] = stakeholder(e.from);
    toIndex[k] = stakeholder(e.to);
  }

  // The subdivided graph in compressed rows: count out-degrees, prefix-sum, fill.
  const firstFlow = stakeholderIds.length + 1;
  const n = firstFlow + edges.length;
  const offsets = new Int32Array(n + 1);
  offsets[SOURCE + 1] = holderIndices.size;
  for (let k = 0; k < edges.length; k++) {
    const u = fromIndex[k]!;
    if (u === toIndex[k]) continue;
    offsets[u + 1] = offsets[u + 1]! + 1;
    offsets[firstFlow + k + 1] = 1;
  }
  for (let v = 0; v < n; v++) offsets[v + 1] = offsets[v + 1]! + offsets[v]!;
  const targets = new Int32Array(offsets[n]!);
  const fill = offsets.slice(0, n);
  for (const h of holderIndices) targets[fill[SOURCE]!++] = h;
  for (let k = 0; k < edges.length; k++) {
    const u = fromIndex[k]!;
    if (u === toIndex[k]) continue;
    targets[fill[u]!++] = firstFlow + k;
    targets[fill[firstFlow + k]!++] = toIndex[k]!;
  }

  const idom = immediateDominatorsIndexed(offsets, targets, SOURCE);
  const result: SinglePoints = { stakeholders: [], flows: [] };
  if (idom[ncpIndex] === -1) return result;
  for (let d = idom[ncpIndex]!; d !== SOURCE; d = idom[d]!) {
    if (d < firstFlow) result.stakeholders.push(stakeholderIds[d - 1]!);
    else result.flows.push(edges[d - firstFlow]!.id);
  }
  // Plain code-unit order, not localeCompare: the same on every machine.
  result.stakeholders.sort();
  result.flows.sort();
  return result;
}
