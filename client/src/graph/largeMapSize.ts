// When a map is large: loaded a slice at a time (largeMapLoad.ts), its force layout computed in the layout worker
// without rooms, and asked for as soon as its graph comes in. getGraph.ts (in the app's first chunk) hands each graph
// here; layoutWorker.ts (in the map's chunk) asks for the layout of a large one (earlyLayout) as soon as it is loaded,
// for the graph that came before it too. Kept apart from layoutWorker.ts, which needs the map's chunk.
import type { MapGraph } from './api/types';

/** Above this many elements (stakeholders and flows) a map is large. */
export const WORKER_LAYOUT_ABOVE = 800;

/** Whether a map is large. */
export const isLargeMap = (graph: MapGraph) => graph.stakeholders.length + graph.flows.length > WORKER_LAYOUT_ABOVE;

let listener: ((graph: MapGraph) => void) | null = null;
/** The last large graph that came in before anyone listened. */
let waiting: MapGraph | null = null;

/** A country's graph just came in (getGraph.ts): if it is large, its layout can be asked for. */
export function graphCameIn(graph: MapGraph): void {
  if (!isLargeMap(graph)) return;
  if (listener) listener(graph);
  else waiting = graph;
}

/** Calls `take` with each large graph that comes in, and now with the last one that came before. */
export function onLargeGraph(take: (graph: MapGraph) => void): void {
  listener = take;
  const before = waiting;
  waiting = null;
  if (before) take(before);
}
