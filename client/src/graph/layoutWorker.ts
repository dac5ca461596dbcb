// The page's side of the layout worker (layout.worker.ts): sends a map's stakeholders and flows (and, for a small
// map, the room each takes with its label), answers their positions. Where no worker can be made (unit tests), the
// layout runs here instead.
import type { LayoutEdge, Positions } from './layouts';
import { computeLayout, type Room } from './spacedLayout';

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
const waiting = new Map<number, { resolve: (layout: ComputedLayout) => void; request: Omit<LayoutRequest, 'id'> }>();

/** The layouts asked of a worker that failed (it could not load) are computed here instead. */
function inPage(request: Omit<LayoutRequest, 'id'>): ComputedLayout {
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
  if (typeof Worker === 'undefined') return inPage(request);
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
