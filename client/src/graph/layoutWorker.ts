// The page's side of the layout worker (layout.worker.ts): sends a large map's stakeholders and flows,
// answers their positions. Where no worker can be made (unit tests), the layout runs here instead.
import { blockForceLayout } from './forceLayout';
import type { LayoutEdge, Positions } from './layouts';

export interface LayoutRequest {
  id: number;
  nodes: ReadonlyArray<{ id: string; block: string }>;
  edges: readonly LayoutEdge[];
  blockOrder: readonly string[];
}
export interface LayoutAnswer {
  id: number;
  positions: Positions;
}

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, (positions: Positions) => void>();

function layoutWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<LayoutAnswer>) => {
      waiting.get(event.data.id)?.(event.data.positions);
      waiting.delete(event.data.id);
    };
  }
  return worker;
}

/** Positions of a large map's force layout, computed in the worker. */
export async function workerLayout(request: Omit<LayoutRequest, 'id'>): Promise<Positions> {
  if (typeof Worker === 'undefined') {
    return blockForceLayout(request);
  }
  const id = nextId++;
  return await new Promise<Positions>((resolve) => {
    waiting.set(id, resolve);
    layoutWorker().postMessage({ id, ...request });
  });
}
