// A force-directed layout for large maps (pure, deterministic): the same stakeholders and flows give the
// same positions on every load, in any order. Each node starts at a place drawn from a hash of its id;
// springs pull linked nodes together, nearby nodes push apart (a grid finds them, so a step costs about
// n x neighbours, not n squared), and a weak pull to the centre keeps the picture round. It runs in the
// layout worker (layout.worker.ts), off the page's thread.
import { packBlockPositions, type LayoutEdge, type Positions } from './layouts';

export const FORCE_DEFAULTS = {
  /** Distance (graph units) a spring holds and nodes keep apart: room for a node and a short label. */
  length: 110,
  iterations: 200,
  /** Nodes further apart than this many lengths do not push each other. */
  cutoff: 2,
  /** Pull towards the centre, per graph unit of distance. */
  gravity: 0.02,
  /** Strength of the pull along a flow, against the push apart. */
  spring: 0.2,
};
export type ForceOptions = typeof FORCE_DEFAULTS;

/** 32-bit FNV-1a hash of a text, mixed (murmur3's finaliser) so that near ids land far apart. */
export function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const unit = (text: string) => hashOf(text) / 4294967296;
/** Grid cells are keyed x * CELL_ROW + y. */
const CELL_ROW = 1_000_003;

/** Positions for `ids`, linked by `edges` (direction ignored; edges to unknown ids, loops and repeats skipped). */
export function forceLayout(
  ids: readonly string[],
  edges: readonly LayoutEdge[],
  options: Partial<ForceOptions> = {},
): Positions {
  const { length, iterations, cutoff, gravity, spring } = { ...FORCE_DEFAULTS, ...options };
  const order = [...new Set(ids)].sort();
  const n = order.length;
  if (n === 0) return {};
  const index = new Map(order.map((id, i) => [id, i]));
  const links = new Set<number>();
  for (const e of edges) {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a === undefined || b === undefined || a === b) continue;
    links.add(Math.min(a, b) * n + Math.max(a, b));
  }
  const springs = [...links].sort((p, q) => p - q);

  // Start: spread over a disc about the size the finished picture takes.
  const radius = length * Math.sqrt(n) * 0.6;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  order.forEach((id, i) => {
    const r = radius * Math.sqrt(unit(id));
    const angle = 2 * Math.PI * unit(`${id}#angle`);
    x[i] = r * Math.cos(angle);
    y[i] = r * Math.sin(angle);
  });

  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const reach = length * cutoff;
  const reach2 = reach * reach;
  const k2 = length * length;
  const cellX = new Int32Array(n);
  const cellY = new Int32Array(n);
  for (let step = 0; step < iterations; step++) {
    dx.fill(0);
    dy.fill(0);
    // Push apart: each node against those in its grid cell and the eight around it.
    const cells = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      cellX[i] = Math.floor(x[i]! / reach);
      cellY[i] = Math.floor(y[i]! / reach);
      const key = cellX[i]! * CELL_ROW + cellY[i]!;
      const cell = cells.get(key);
      if (cell) cell.push(i);
      else cells.set(key, [i]);
    }
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      const yi = y[i]!;
      for (let ox = -1; ox <= 1; ox++) {
        for (let oy = -1; oy <= 1; oy++) {
          const cell = cells.get((cellX[i]! + ox) * CELL_ROW + cellY[i]! + oy);
          if (!cell) continue;
          for (const j of cell) {
            if (j <= i) continue;
            let ddx = xi - x[j]!;
            let ddy = yi - y[j]!;
            let d2 = ddx * ddx + ddy * ddy;
            if (d2 > reach2) continue;
            if (d2 === 0) {
              // Two nodes on one spot: part them along a direction fixed by their ids.
              ddx = unit(`${order[i]}|${order[j]}`) - 0.5;
              ddy = 0.5 - unit(`${order[j]}|${order[i]}`);
              d2 = ddx * ddx + ddy * ddy || 1;
            }
            const f = k2 / d2;
            dx[i]! += ddx * f;
            dy[i]! += ddy * f;
            dx[j]! -= ddx * f;
            dy[j]! -= ddy * f;
          }
        }
      }
    }
    // Pull together along the flows.
    for (const link of springs) {
      const a = Math.floor(link / n);
      const b = link % n;
      const ddx = x[a]! - x[b]!;
      const ddy = y[a]! - y[b]!;
      const d = Math.sqrt(ddx * ddx + ddy * ddy) || 1;
      const f = (d / length) * spring;
      dx[a]! -= ddx * f;
      dy[a]! -= ddy * f;
      dx[b]! += ddx * f;
      dy[b]! += ddy * f;
    }
    // Cooling: big moves at first, small ones at the end.
    const limit = length * 2 * (1 - step / iterations) + length * 0.02;
    for (let i = 0; i < n; i++) {
      const fx = dx[i]! - gravity * x[i]! * length * 0.1;
      const fy = dy[i]! - gravity * y[i]! * length * 0.1;
      const f = Math.sqrt(fx * fx + fy * fy);
      if (f === 0) continue;
      const move = Math.min(f, limit) / f;
      x[i]! += fx * move;
      y[i]! += fy * move;
    }
  }
  const positions: Positions = {};
  order.forEach((id, i) => {
    positions[id] = { x: Math.round(x[i]!), y: Math.round(y[i]!) };
  });
  return positions;
}

/** Each block (a country) laid out on the flows inside it (by `layoutBlock`: forceLayout), the blocks packed in rows. */
export function blockForceLayout(
  request: {
    nodes: ReadonlyArray<{ id: string; block: string }>;
    edges: readonly LayoutEdge[];
    blockOrder: readonly string[];
  },
  layoutBlock: (ids: readonly string[], edges: readonly LayoutEdge[]) => Positions = forceLayout,
): Positions {
  const blockOf = new Map(request.nodes.map((n) => [n.id, n.block]));
  const members = new Map<string, string[]>();
  for (const n of request.nodes) {
    const list = members.get(n.block);
    if (list) list.push(n.id);
    else members.set(n.block, [n.id]);
  }
  const blocks = new Map<string, Positions>();
  for (const [block, ids] of members) {
    const inside = request.edges.filter((e) => blockOf.get(e.from) === block && blockOf.get(e.to) === block);
    blocks.set(block, layoutBlock(ids, inside));
  }
  return packBlockPositions(blocks, request.blockOrder);
}
