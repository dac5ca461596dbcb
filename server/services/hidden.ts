// What a role that may not see personal data is shown of an analysis (issue 18, point 9). The analyses run on every
// flow (ARCHITECTURE.md: the region's graph, shared by every request); for such a role, an answer's lists of flows
// leave out those carrying personal data, and `hidden` says how many were left out of each list and of each count
// (the counts themselves stay as computed, ANALYSIS.md's fields unchanged: the view shows count - hidden, the
// hidden number beside it).
import type { Bottlenecks } from '../analysis/bottlenecks/bottlenecks';
import { countryFlows, countryGraph, type FlowGraph } from '../analysis/flow-graph';
import { memoOn } from '../analysis/memo';
import type { NcpPosition } from '../analysis/ncp/position';
import type { Suggestions } from '../analysis/suggestions/suggestions';
import { isPersonalFlow } from '../auth/personal-data';

/** The ids of the map's flows carrying personal data (what a viewer does not see). */
export function personalFlowsOf(fg: FlowGraph): ReadonlySet<string> {
  return memoOn(
    fg,
    'personalFlows',
    () => new Set(fg.document.flows.filter((f) => isPersonalFlow(f)).map((f) => f.id)),
  );
}

/** Of a country's counted flows (both ends in it) and cross-border channels, those carrying personal data. */
export function hiddenFlowsOf(fg: FlowGraph, country: string): { flows: number; crossBorderChannels: number } {
  const personal = personalFlowsOf(fg);
  const { own, crossBorder } = countryFlows(fg, country);
  return {
    flows: own.filter((f) => personal.has(f.id)).length,
    crossBorderChannels: crossBorder.filter((f) => personal.has(f.id)).length,
  };
}

/**
 * Of the NCP's figures, what carries personal data: its flows, the senders and receivers only they give. (Brokerage
 * is not among them: a hidden A -> C flow takes a pair away from the NCP, so hiding flows may add pairs.)
 */
export interface NcpHidden {
  /** The flows to or from the NCP (in the country or across a border) that carry personal data. */
  flows: number;
  inDegree: number;
  outDegree: number;
  /** The cross-border channels left out of `crossBorder.in` and `crossBorder.out`. */
  crossBorder: { in: number; out: number };
}

type NcpMetrics = Extract<NcpPosition, { status: 'ok' }>;

/**
 * The NCP's position as a viewer receives it: the cross-border lists without personal flows, and `hidden`: how many
 * flows to or from the NCP carry personal data, and how much of the in- and out-degree rests on them alone (the
 * degrees on the country graph without those flows, subtracted from the answer's).
 */
export function ncpForViewer(fg: FlowGraph, answer: NcpPosition): NcpPosition | (NcpMetrics & { hidden: NcpHidden }) {
  if (answer.status !== 'ok') return answer;
  const personal = personalFlowsOf(fg);
  const { country, ncp } = answer;
  // The country graph's edges join the pairs of stakeholders; one hides only when each of its flows carries personal data.
  const cg = countryGraph(fg, country);
  const hiddenEdges = (edges: string[]) =>
    edges.filter((edge) => cg.getEdgeAttributes(edge).flows.every((id) => personal.has(id))).length;
  const shown = (list: NcpMetrics['crossBorder']['in']) => list.filter((c) => !personal.has(c.flow));
  const crossIn = shown(answer.crossBorder.in);
  const crossOut = shown(answer.crossBorder.out);
  return {
    ...answer,
    crossBorder: { in: crossIn, out: crossOut },
    hidden: {
      flows: fg.allFlows.filter((e) => (e.from === ncp || e.to === ncp) && personal.has(e.id)).length,
      inDegree: hiddenEdges(cg.inEdges(ncp)),
      outDegree: hiddenEdges(cg.outEdges(ncp)),
      crossBorder: {
        in: answer.crossBorder.in.length - crossIn.length,
        out: answer.crossBorder.out.length - crossOut.length,
      },
    },
  };
}

/** Of the bottlenecks' lists of flows, the entries left out for a viewer. */
export interface BottlenecksHidden {
  /** Flows of the country graph carrying personal data, left out of `edgeBetweenness`. */
  flows: number;
  /** Critical flows carrying personal data, left out of `criticalFlows`. */
  criticalFlows: number;
}

/**
 * The bottlenecks as a viewer receives them: the edge betweenness and the critical flows without flows carrying
 * personal data, and how many of each were left out (stakeholders' betweenness and single points of failure stay as
 * computed, over every flow).
 */
export function bottlenecksForViewer(fg: FlowGraph, answer: Bottlenecks): Bottlenecks & { hidden: BottlenecksHidden } {
  const personal = personalFlowsOf(fg);
  const edgeBetweenness = answer.edgeBetweenness.filter((e) => !personal.has(e.id));
  const criticalFlows = answer.criticalFlows.filter((c) => !personal.has(c.id));
  return {
    ...answer,
    edgeBetweenness,
    criticalFlows,
    hidden: {
      flows: answer.edgeBetweenness.length - edgeBetweenness.length,
      criticalFlows: answer.criticalFlows.length - criticalFlows.length,
    },
  };
}

/**
 * The suggestions as a viewer receives them: without those that extend a flow carrying personal data (they name it),
 * and how many were left out.
 */
export function suggestionsForViewer(
  fg: FlowGraph,
  answer: Suggestions,
): Suggestions & { hidden: { suggestions: number } } {
  const personal = personalFlowsOf(fg);
  const shown = answer.suggestions.filter((s) => s.flow === undefined || !personal.has(s.flow));
  return { ...answer, suggestions: shown, hidden: { suggestions: answer.suggestions.length - shown.length } };
}
