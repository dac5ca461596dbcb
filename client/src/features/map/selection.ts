// Which ids of the URL's selection (`selected`: a stakeholder, `flow`: a flow) no longer fit the map on
// screen: ids the graph does not hold (left from another country, or deleted), and, right after the
// country was switched, a stakeholder that is only a foreign end of the new map (or a flow none of whose
// ends is the new country's own). What is returned is cleared from the URL.
import type { MapGraph } from '../../graph/api/types';

export interface Selection {
  selected: string | null;
  flow: string | null;
}

/** The part of the selection to clear (`null` each), or `null` when all of it fits. */
export function staleSelection(
  graph: MapGraph,
  selection: Selection,
  switchedTo: string | null,
): Partial<Selection> | null {
  const own = (id: string) =>
    graph.stakeholders.some((s) => s.id === id && (switchedTo === null || (!s.external && s.country === switchedTo)));
  const patch: Partial<Selection> = {};
  if (selection.selected !== null && !own(selection.selected)) patch.selected = null;
  if (selection.flow !== null) {
    const flow = graph.flows.find((f) => f.id === selection.flow);
    if (!flow || !(own(flow.from) || own(flow.to))) patch.flow = null;
  }
  return Object.keys(patch).length ? patch : null;
}
