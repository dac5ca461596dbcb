// What a role that may not see personal data is shown of an analysis (issue 18, point 9). The analyses run on every
// flow (ARCHITECTURE.md: the region's graph, shared by every request); for such a role, an answer's lists of flows
// leave out those carrying personal data, and `hidden` says how many were left out of each list and of each count
// (the counts themselves stay as computed, ANALYSIS.md's fields unchanged: the view shows count - hidden, the
// hidden number beside it).
import type { Bottlenecks } from '../analysis/bottlenecks/bottlenecks';
import type { CountryCoverage, CoverageCell } from '../analysis/coverage/coverage';
import { bestPath } from '../analysis/coverage/paths';
import { countryFlows, countryGraph, type FlowEdge, type FlowGraph } from '../analysis/flow-graph';
import { memoOn } from '../analysis/memo';
import type { NcpPosition } from '../analysis/ncp/position';
import type { Plan } from '../analysis/plan/plan';
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

/**
 * A coverage cell's route as a viewer receives it (ANALYSIS.md §1 asks for one best path, and its facts). The status
 * and the hop count stay as computed over every flow (the matrix, the comparison and the NCP's figures count them too);
 * the route shown never names a flow carrying personal data, nor the stakeholders such a flow joins:
 * - `best`: the best route goes along such a flow; shown instead is the best route along flows the viewer may see
 *   (its own hops, path, flows, weakest basis, slowest frequency and latency).
 * - `every`: every route does; no path and none of its facts are shown, only the status and the hop count.
 */
export type HiddenRoute = 'best' | 'every';

/** Of an indicator's flows, those a viewer may see (memoised per flow graph: the matrix's countries share them). */
function visibleCarrying(fg: FlowGraph, indicator: string, personal: ReadonlySet<string>): readonly FlowEdge[] {
  return memoOn(fg, `visible-carrying|${indicator}`, () =>
    fg.flowsCarrying(indicator).filter((e) => !personal.has(e.id)),
  );
}

function cellForViewer(
  fg: FlowGraph,
  ncp: string,
  cell: CoverageCell,
  personal: ReadonlySet<string>,
): CoverageCell & { hidden?: { route: HiddenRoute } } {
  if (!cell.flows?.some((id) => personal.has(id))) return cell;
  const { indicator, status, hops, holders } = cell;
  const passedOn = cell.passedOn !== undefined ? { passedOn: cell.passedOn } : {};
  const best = bestPath(visibleCarrying(fg, indicator, personal), holders, ncp);
  if (!best)
    return {
      indicator,
      status,
      ...(hops !== undefined ? { hops } : {}),
      holders,
      ...passedOn,
      hidden: { route: 'every' },
    };
  const { holder: _holder, ...route } = best;
  return { indicator, status, ...route, holders, ...passedOn, hidden: { route: 'best' } };
}

/**
 * A country's coverage as a viewer receives it: each cell whose best route goes along a flow carrying personal data
 * shows the best route along flows the viewer may see, or none (HiddenRoute), and `hidden.routes` says how many cells
 * that is. The statuses and ratios stay as computed over every flow.
 */
export function coverageForViewer<C extends CountryCoverage>(
  fg: FlowGraph,
  coverage: C,
): C & { hidden: { routes: number } } {
  const { ncp } = coverage;
  const personal = personalFlowsOf(fg);
  const cells = ncp ? coverage.cells.map((c) => cellForViewer(fg, ncp, c, personal)) : coverage.cells;
  return { ...coverage, cells, hidden: { routes: cells.filter((c) => 'hidden' in c).length } };
}

/**
 * A plan as a viewer receives it: without the steps that extend a flow carrying personal data (they name it and its
 * ends), and how many were left out. The other steps and the figures stay as planned over every flow (a step's
 * `step` number too, so the viewer's steps are the editor's; its figures count the hidden steps before it).
 */
export function planForViewer(fg: FlowGraph, answer: Plan): Plan & { hidden: { steps: number } } {
  const personal = personalFlowsOf(fg);
  const steps = answer.steps.filter((s) => s.action.flow === undefined || !personal.has(s.action.flow));
  return { ...answer, steps, hidden: { steps: answer.steps.length - steps.length } };
}
