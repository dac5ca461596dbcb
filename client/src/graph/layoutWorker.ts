// The page's side of the layout worker (layout.worker.ts): sends a map's stakeholders and flows (and, for a small
// map, the room each takes with its label), answers their positions. Where no worker can be made (unit tests), the
// layout runs here instead (spacedLayout.ts, loaded only then: the page's chunks do not carry the layouts' code).
// A large country map's force layout is asked for as soon as its graph is in (earlyLayout, from getGraph.ts), while
// the page draws its frame, and taken from there when the map is mounted (layoutOf). getGraph.ts hands the graphs
// over through largeMapSize.ts, which the app's first chunk holds (this module is in the map's chunk).
import type { MapGraph } from './api/types';
import type { LayoutEdge, Positions } from './layouts';
import { isLargeMap, onLargeGraph } from './largeMapSize';
import type { Room } from './spacedLayout';

export { isLargeMap, WORKER_LAYOUT_ABOVE } from './largeMapSize';

export interface LayoutRequest {
  id: number;
  nodes: ReadonlyArray<{ id: string; block: string }>;
  edges: readonly LayoutEdge[];
  blockOrder: readonly string[];
  /** A small map's rooms (spacedLayout.ts); without them, a large map's force layout (forceLayout.ts). */
  rooms?: Readonly<Record<string, Room>>;
}
export interface LayoutAnswer {
  id: number;
  positions: Positions;
}

/** Positions, and whether the worker computed them (else the page did: no worker could run). */
export interface ComputedLayout {
  positions: Positions;
  inWorker: boolean;
}

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<
  number,
  { resolve: (layout: ComputedLayout | Promise<ComputedLayout>) => void; request: Omit<LayoutRequest, 'id'> }
>();

/** The layouts asked of a worker that failed (it could not load) are computed here instead. */
async function inPage(request: Omit<LayoutRequest, 'id'>): Promise<ComputedLayout> {
  const { computeLayout } = await import('./spacedLayout');
  return { positions: computeLayout(request), inWorker: false };
}

function layoutWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<LayoutAnswer>) => {
      waiting.get(event.data.id)?.resolve({ positions: event.data.positions, inWorker: true });
      waiting.delete(event.data.id);
    };
    worker.onerror = () => {
      for (const { resolve, request } of waiting.values()) resolve(inPage(request));
      waiting.clear();
      worker?.terminate();
      worker = null;
    };
  }
  return worker;
}

/** Positions of a map's force layout, computed in the worker. */
export async function workerLayout(request: Omit<LayoutRequest, 'id'>): Promise<ComputedLayout> {
  if (typeof Worker === 'undefined') return await inPage(request);
  const id = nextId++;
  return await new Promise<ComputedLayout>((resolve) => {
    waiting.set(id, { resolve, request });
    try {
      layoutWorker().postMessage({ id, ...request });
    } catch {
      waiting.delete(id);
      resolve(inPage(request));
    }
  });
}

/** A stakeholder's block: its country on the whole region's map, one block on a country's map. */
const blockOf = (s: MapGraph['stakeholders'][number], scope: 'country' | 'region') =>
  scope === 'region' ? s.country : 'map';

/** What the layout worker needs of a map: each stakeholder's block (its country in the whole region) and the flows. */
export function workerRequest(graph: MapGraph, scope: 'country' | 'region', countryOrder: readonly string[]) {
  return {
    nodes: graph.stakeholders.map((s) => ({ id: s.id, block: blockOf(s, scope) })),
    edges: graph.flows.map((f) => ({ from: f.from, to: f.to })),
    blockOrder: countryOrder,
  };
}

/** A large country map's force layout, asked for as soon as its graph came in, by the graph (the query's answer). */
const early = new WeakMap<MapGraph, Promise<ComputedLayout>>();

/**
 * Asks the worker for a large country map's force layout now (a graph just received): it is computed while the page
 * draws its frame and adds the map's elements, and taken by layoutOf when the map is mounted. A country's map is one
 * block, so the order of the countries does not change it.
 */
export function earlyLayout(graph: MapGraph): void {
  if (!isLargeMap(graph) || early.has(graph) || typeof Worker === 'undefined') return;
  early.set(graph, workerLayout(workerRequest(graph, 'country', [])));
}

/** A large map's force layout: the one asked for when its graph came in (a country's map), else asked for now. */
export function layoutOf(
  graph: MapGraph,
  scope: 'country' | 'region',
  countryOrder: readonly string[],
): Promise<ComputedLayout> {
  if (scope !== 'country') return workerLayout(workerRequest(graph, scope, countryOrder));
  // Asked for once: a graph that came in meanwhile (getGraph.ts loads this module first) is not laid out twice.
  const asked = early.get(graph) ?? workerLayout(workerRequest(graph, 'country', []));
  early.set(graph, asked);
  return asked;
}

/** Whether the layout of this country map was asked for already (when its graph came in). */
export const layoutAsked = (graph: MapGraph) => early.has(graph);

// A large country map's layout is asked for as soon as its graph came in (or this module was loaded).
onLargeGraph(earlyLayout);
