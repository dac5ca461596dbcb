// The map's three layouts. The force-directed one ("fcose" in links, the name of the Cytoscape layout it once was)
// is computed in the layout worker (canvasLayout.ts); "NCP at the centre" and "by sector" are computed here as fixed positions (pure, deterministic, instant), per country block:
// one block for a country map, a block per country packed in rows for the whole region.
import { SECTOR_ORDER } from './styles';
import { compareText } from './compareText';

export const LAYOUTS = [
  { id: 'fcose', label: 'Force-directed' },
  { id: 'ncp', label: 'NCP at the centre' },
  { id: 'sector', label: 'By sector' },
] as const;
export type LayoutName = (typeof LAYOUTS)[number]['id'];

export function layoutOf(param: string | null): LayoutName {
  return LAYOUTS.find((l) => l.id === param)?.id ?? 'fcose';
}

export interface LayoutNode {
  id: string;
  /** The block it is drawn in: its country (or "other countries" for foreign ends in a country map). */
  block: string;
  sector: string;
  name: string;
}
export interface LayoutEdge {
  from: string;
  to: string;
}
export type Positions = Record<string, { x: number; y: number }>;

/** Room a node needs with its label (labels wrap at 120 px, mostly in two or three lines). */
const CELL_W = 150;
const CELL_H = 84;
const RING_GAP = 85;
/** Minimum arc length between neighbours on a ring. */
const RING_SPACING = 120;
/** Rings are ellipses this much wider than high, to fill a landscape screen. */
const RING_ASPECT = 1.5;
/** Space between blocks: sector boxes (padding and a small title), and country boxes (padding and a big title above). */
const BLOCK_GAP = 70;
const COUNTRY_GAP_X = 180;
const COUNTRY_GAP_Y = 190;

/**
 * Hops from each stakeholder to `ncp` along directed flows (breadth-first over the reversed flows);
 * stakeholders with no path are absent. The NCP itself is at 0.
 */
export function hopsToNcp(ncp: string, edges: readonly LayoutEdge[]): Map<string, number> {
  const into = new Map<string, string[]>();
  for (const e of edges) {
    if (e.from === e.to) continue;
    const list = into.get(e.to);
    if (list) list.push(e.from);
    else into.set(e.to, [e.from]);
  }
  const hops = new Map<string, number>([[ncp, 0]]);
  let frontier = [ncp];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      const d = hops.get(id)!;
      for (const from of into.get(id) ?? []) {
        if (!hops.has(from)) {
          hops.set(from, d + 1);
          next.push(from);
        }
      }
    }
    frontier = next;
  }
  return hops;
}

const sectorRank = (sector: string) => {
  const i = SECTOR_ORDER.indexOf(sector as (typeof SECTOR_ORDER)[number]);
  return i < 0 ? SECTOR_ORDER.length : i;
};
const bySectorThenName = (a: LayoutNode, b: LayoutNode) =>
  sectorRank(a.sector) - sectorRank(b.sector) || compareText(a.name, b.name);

interface Block {
  positions: Positions;
  /** Extent around the block's own origin. */
  width: number;
  height: number;
  /** Where the origin sits inside the extent (from its top-left corner). */
  originX: number;
  originY: number;
}

/** Concentric rings around `centre`: ring k holds the stakeholders k hops away, the unreachable outermost. */
function ringBlock(nodes: readonly LayoutNode[], centre: string | null, hops: ReadonlyMap<string, number>): Block {
  const positions: Positions = {};
  const rings = new Map<number, LayoutNode[]>();
  const unreachable: LayoutNode[] = [];
  for (const n of nodes) {
    if (n.id === centre) continue;
    const d = centre === null ? undefined : hops.get(n.id);
    if (d === undefined) unreachable.push(n);
    else (rings.get(d) ?? rings.set(d, []).get(d)!).push(n);
  }
  const ordered = [...rings.keys()].sort((a, b) => a - b).map((k) => rings.get(k)!);
  if (unreachable.length) ordered.push(unreachable);
  if (centre !== null) positions[centre] = { x: 0, y: 0 };
  let radius = 0;
  ordered.forEach((ring, i) => {
    ring.sort(bySectorThenName);
    // An ellipse with semi-axes a = aspect * r and r is about 2 pi r sqrt((aspect^2 + 1) / 2) round.
    const roundFactor = 2 * Math.PI * Math.sqrt((RING_ASPECT ** 2 + 1) / 2);
    radius = Math.max(radius + RING_GAP, (ring.length * RING_SPACING) / roundFactor);
    // Each ring starts a little further round, so spokes of neighbours do not line up.
    const offset = -Math.PI / 2 + i * 0.35;
    ring.forEach((n, j) => {
      const angle = offset + (2 * Math.PI * j) / ring.length;
      positions[n.id] = {
        x: Math.round(RING_ASPECT * radius * Math.cos(angle)),
        y: Math.round(radius * Math.sin(angle)),
      };
    });
  });
  const width = 2 * RING_ASPECT * radius + CELL_W;
  const height = 2 * radius + CELL_H;
  return { positions, width, height, originX: width / 2, originY: height / 2 };
}

/** A grid of nodes, `columns` wide, its origin at the top-left cell. */
function gridBlock(nodes: readonly LayoutNode[], columns: number): Block {
  const positions: Positions = {};
  [...nodes].sort(bySectorThenName).forEach((n, i) => {
    positions[n.id] = { x: (i % columns) * CELL_W, y: Math.floor(i / columns) * CELL_H };
  });
  const rows = Math.ceil(nodes.length / columns);
  return { positions, width: columns * CELL_W, height: rows * CELL_H, originX: CELL_W / 2, originY: CELL_H / 2 };
}

/** Places blocks left to right in rows no wider than `maxWidth`; returns the merged positions. */
function pack(blocks: readonly Block[], maxWidth: number, gapX = BLOCK_GAP, gapY = BLOCK_GAP): Block {
  const positions: Positions = {};
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  for (const b of blocks) {
    if (x > 0 && x + b.width > maxWidth) {
      x = 0;
      y += rowHeight + gapY;
      rowHeight = 0;
    }
    for (const [id, p] of Object.entries(b.positions)) {
      positions[id] = { x: x + b.originX + p.x, y: y + b.originY + p.y };
    }
    x += b.width + gapX;
    width = Math.max(width, x - gapX);
    rowHeight = Math.max(rowHeight, b.height);
  }
  return { positions, width, height: y + rowHeight, originX: 0, originY: 0 };
}

/** Row width for packing blocks of this total area into a landscape (about 3:2) picture. */
function rowWidth(blocks: readonly Block[], gapX = BLOCK_GAP, gapY = BLOCK_GAP): number {
  const area = blocks.reduce((sum, b) => sum + (b.width + gapX) * (b.height + gapY), 0);
  const widest = Math.max(0, ...blocks.map((b) => b.width));
  return Math.max(widest, Math.sqrt(area * 1.5));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(item);
  }
  return groups;
}

/**
 * "NCP at the centre": each block's NCP in the middle, the others on rings by their hop distance to it
 * along `edges` (paths may run through other blocks); those with no path on the outermost ring.
 * `ncpOf` gives a block's NCP, or null when it has none (all its stakeholders then form one ring).
 */
export function ncpPositions(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  ncpOf: (block: string) => string | null,
  blockOrder: readonly string[],
): Positions {
  const blocks = groupBy(nodes, (n) => n.block);
  const built = orderBlocks(blocks, blockOrder).map(([block, members]) => {
    const ncp = ncpOf(block);
    const centre = ncp !== null && members.some((m) => m.id === ncp) ? ncp : null;
    return ringBlock(members, centre, centre ? hopsToNcp(centre, edges) : new Map());
  });
  return packCountries(built);
}

/** "By sector": within each block, one grid per sector, the sectors side by side in the model's order. */
export function sectorPositions(nodes: readonly LayoutNode[], blockOrder: readonly string[]): Positions {
  const blocks = groupBy(nodes, (n) => n.block);
  const built = orderBlocks(blocks, blockOrder).map(([, members]) => {
    const sectors = [...groupBy(members, (n) => n.sector).entries()].sort(([a], [b]) => sectorRank(a) - sectorRank(b));
    // Each sector's grid about square on screen.
    const grids = sectors.map(([, list]) =>
      gridBlock(list, Math.max(1, Math.ceil(Math.sqrt((list.length * CELL_H) / CELL_W)))),
    );
    return pack(grids, rowWidth(grids));
  });
  return packCountries(built);
}

/** One block as it is; several (the whole region's countries) in rows, with room for the country titles. */
function packCountries(blocks: readonly Block[]): Positions {
  if (blocks.length === 1) return blocks[0]!.positions;
  return pack(blocks, rowWidth(blocks, COUNTRY_GAP_X, COUNTRY_GAP_Y), COUNTRY_GAP_X, COUNTRY_GAP_Y).positions;
}

/**
 * Country blocks laid out on their own (the force layout of each country of the whole region), packed in
 * rows like the other layouts' blocks, in `blockOrder`.
 */
export function packBlockPositions(blocks: ReadonlyMap<string, Positions>, blockOrder: readonly string[]): Positions {
  const built = orderBlocks(new Map(blocks), blockOrder).map(([, positions]): Block => {
    const points = Object.values(positions);
    const minX = Math.min(...points.map((p) => p.x));
    const minY = Math.min(...points.map((p) => p.y));
    const width = Math.max(...points.map((p) => p.x)) - minX + CELL_W;
    const height = Math.max(...points.map((p) => p.y)) - minY + CELL_H;
    return { positions, width, height, originX: CELL_W / 2 - minX, originY: CELL_H / 2 - minY };
  });
  return built.length === 0 ? {} : packCountries(built);
}

function orderBlocks<T>(blocks: Map<string, T>, order: readonly string[]): Array<[string, T]> {
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  return [...blocks.entries()].sort(([a], [b]) => rank(a) - rank(b) || compareText(a, b));
}
