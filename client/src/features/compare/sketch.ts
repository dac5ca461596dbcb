// What the small sketch of a country's map shows: its own stakeholders and the active flows between
// them (what the comparison measures). Pure, so that the page, the layout worker and the unit tests
// share it. A small map is laid out by fcose (in the worker, sketchLayout.ts); a map of more than
// GROUP_ABOVE stakeholders, a heap of dots at this size and slow to lay out, is drawn grouped: one
// weighted node per sector on a fixed ring, the flows between sectors as weighted lines.
import type { GraphResponse } from '../../graph/api/types';
import { SECTOR_ORDER } from '../../graph/styles';

/** Maps with more own stakeholders than this are drawn grouped by sector. */
export const GROUP_ABOVE = 150;

export interface SketchInputNode {
  id: string;
  name: string;
  sector: string;
  ncp: boolean;
}

export interface SketchEdge {
  id: string;
  from: string;
  to: string;
}

/** What a sketch is drawn from: the country's own stakeholders and the active flows between them. */
export interface SketchInput {
  nodes: SketchInputNode[];
  edges: SketchEdge[];
}

export interface SketchNode extends SketchInputNode {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A laid-out sketch: every stakeholder at its place. */
export interface Sketch {
  kind: 'nodes';
  nodes: SketchNode[];
  edges: SketchEdge[];
  /** Bounds of the positions. */
  box: Box;
}

export interface SectorGroup {
  sector: string;
  /** Stakeholders of the sector, and the flows between two of them. */
  count: number;
  within: number;
  x: number;
  y: number;
  /** Radius in the sketch's units: the area grows with the count. */
  r: number;
}

export interface SectorLink {
  a: string;
  b: string;
  /** Flows between the two sectors, both directions. */
  count: number;
}

/** A large map's sketch: its stakeholders grouped by sector. */
export interface GroupedSketch {
  kind: 'grouped';
  groups: SectorGroup[];
  links: SectorLink[];
  stakeholders: number;
  flows: number;
  ncp: { name: string; sector: string } | null;
  box: Box;
}

export type AnySketch = Sketch | GroupedSketch;

export function sketchInput(graph: GraphResponse): SketchInput {
  const own = graph.stakeholders.filter((s) => !s.external);
  const ids = new Set(own.map((s) => s.id));
  return {
    nodes: own.map((s) => ({ id: s.id, name: s.name, sector: s.sector, ncp: s.ncp })),
    edges: graph.flows
      .filter((f) => f.status === 'active' && ids.has(f.from) && ids.has(f.to) && f.from !== f.to)
      .map((f) => ({ id: f.id, from: f.from, to: f.to })),
  };
}

export function boxOf(points: ReadonlyArray<{ x: number; y: number }>): Box {
  if (points.length === 0) return { x: 0, y: 0, w: 0, h: 0 };
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x);
    y1 = Math.max(y1, p.y);
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

const sectorRank = (sector: string) => {
  const i = (SECTOR_ORDER as readonly string[]).indexOf(sector);
  return i < 0 ? SECTOR_ORDER.length : i;
};

/** Ring radius and the largest group's radius, in the sketch's units (the drawing scales to fit). */
const RING = 60;
const R_MAX = 26;
const R_MIN = 7;

/**
 * The grouped sketch: sectors in the model's order clockwise from the top, each a disc whose area grows
 * with its stakeholders; a link per pair of sectors with flows between them. The same input gives the
 * same picture.
 */
export function groupedSketch(input: SketchInput): GroupedSketch {
  const sectorOf = new Map(input.nodes.map((n) => [n.id, n.sector]));
  const counts = new Map<string, { count: number; within: number }>();
  for (const n of input.nodes) {
    const c = counts.get(n.sector) ?? { count: 0, within: 0 };
    c.count++;
    counts.set(n.sector, c);
  }
  const pairs = new Map<string, SectorLink>();
  for (const e of input.edges) {
    const a = sectorOf.get(e.from)!;
    const b = sectorOf.get(e.to)!;
    if (a === b) {
      counts.get(a)!.within++;
      continue;
    }
    const [p, q] = sectorRank(a) < sectorRank(b) || (sectorRank(a) === sectorRank(b) && a < b) ? [a, b] : [b, a];
    const key = `${p}\u0000${q}`;
    const link = pairs.get(key) ?? { a: p, b: q, count: 0 };
    link.count++;
    pairs.set(key, link);
  }
  const sectors = [...counts.keys()].sort((a, b) => sectorRank(a) - sectorRank(b) || a.localeCompare(b));
  const max = Math.max(1, ...[...counts.values()].map((c) => c.count));
  const groups = sectors.map((sector, i) => {
    const { count, within } = counts.get(sector)!;
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / sectors.length;
    const ring = sectors.length > 1 ? RING : 0;
    return {
      sector,
      count,
      within,
      x: ring * Math.cos(angle),
      y: ring * Math.sin(angle),
      r: Math.max(R_MIN, R_MAX * Math.sqrt(count / max)),
    };
  });
  const ncp = input.nodes.find((n) => n.ncp);
  const edge = boxOf(
    groups.flatMap((g) => [
      { x: g.x - g.r, y: g.y - g.r },
      { x: g.x + g.r, y: g.y + g.r },
    ]),
  );
  return {
    kind: 'grouped',
    groups,
    links: [...pairs.values()].sort((p, q) => sectorRank(p.a) - sectorRank(q.a) || sectorRank(p.b) - sectorRank(q.b)),
    stakeholders: input.nodes.length,
    flows: input.edges.length,
    ncp: ncp ? { name: ncp.name, sector: ncp.sector } : null,
    box: edge,
  };
}

/** A stream of numbers in [0, 1) from a seed (mulberry32): the same seed, the same stream. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
