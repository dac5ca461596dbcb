// The force-directed layout of small maps (client/src/graph/spacedLayout.ts), computed in the layout worker: the
// same map gives the same positions on every load and in any order, no two stakeholders' rooms (node and label)
// overlap, each country's block is laid out on its own, and the worker's request without rooms is a large map's.
import { blockForceLayout } from '../../../client/src/graph/forceLayout';
import { computeLayout, separateRooms, spacedLayout, type Room } from '../../../client/src/graph/spacedLayout';
import type { Positions } from '../../../client/src/graph/layouts';

/** A map like the seed's: an NCP, 30 stakeholders with labels of one to three lines, flows to the NCP and between them. */
function seedLike(block = 'map', prefix = '') {
  const ids = [`${prefix}ncp`, ...Array.from({ length: 30 }, (_, i) => `${prefix}s${i}`)];
  const edges = ids
    .slice(1)
    .flatMap((id, i) => [
      { from: id, to: `${prefix}ncp` },
      ...(i % 3 === 0 ? [{ from: id, to: `${prefix}s${(i * 7) % 30}` }] : []),
    ]);
  const rooms: Record<string, Room> = {};
  ids.forEach((id, i) => {
    rooms[id] =
      i === 0
        ? { node: 64, labelWidth: 122, labelHeight: 54 }
        : { node: 30, labelWidth: 40 + ((i * 37) % 82), labelHeight: 4 + (1 + (i % 3)) * 11 + 2 };
  });
  return { nodes: ids.map((id) => ({ id, block })), edges, rooms };
}

/** Pairs of rooms that overlap (their labels at `scale`). */
function overlaps(positions: Positions, rooms: Readonly<Record<string, Room>>, scale: number): string[] {
  const box = (id: string) => {
    const p = positions[id]!;
    const r = rooms[id]!;
    const w = Math.max(r.node, r.labelWidth * scale);
    return { x1: p.x - w / 2, x2: p.x + w / 2, y1: p.y - r.node / 2, y2: p.y + r.node / 2 + r.labelHeight * scale };
  };
  const ids = Object.keys(positions);
  const found: string[] = [];
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      const a = box(ids[i]!);
      const b = box(ids[j]!);
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) found.push(`${ids[i]}/${ids[j]}`);
    }
  return found;
}

describe('spacedLayout', () => {
  test('when the same map is laid out twice, in another order, then every position is the same', () => {
    const map = seedLike();
    const first = spacedLayout({ ...map, blockOrder: [] });
    const again = spacedLayout({
      ...map,
      nodes: [...map.nodes].reverse(),
      edges: [...map.edges].reverse(),
      blockOrder: [],
    });
    expect(again).toEqual(first);
    expect(Object.keys(first).sort()).toEqual(map.nodes.map((n) => n.id).sort());
  });

  test('when a seed-like map is laid out, then no two rooms overlap, with their labels a little larger too', () => {
    const map = seedLike();
    const positions = spacedLayout({ ...map, blockOrder: [] });
    expect(overlaps(positions, map.rooms, 1)).toEqual([]);
    expect(overlaps(positions, map.rooms, 1.19)).toEqual([]);
  });

  test('when the picture is laid out, then it is wider than high (a landscape screen, wide labels)', () => {
    const map = seedLike();
    const points = Object.values(spacedLayout({ ...map, blockOrder: [] }));
    const width = Math.max(...points.map((p) => p.x)) - Math.min(...points.map((p) => p.x));
    const height = Math.max(...points.map((p) => p.y)) - Math.min(...points.map((p) => p.y));
    expect(width).toBeGreaterThan(height);
  });

  test('when the region has two countries, then each is laid out in its own block, packed in the order given, apart', () => {
    const a = seedLike('A', 'a-');
    const b = seedLike('B', 'b-');
    const positions = spacedLayout({
      nodes: [...a.nodes, ...b.nodes],
      edges: [...a.edges, ...b.edges, { from: 'a-s1', to: 'b-s2' }],
      rooms: { ...a.rooms, ...b.rooms },
      blockOrder: ['B', 'A'],
    });
    const extent = (prefix: string) => {
      const points = Object.entries(positions)
        .filter(([id]) => id.startsWith(prefix))
        .map(([, p]) => p);
      const xs = points.map((p) => p.x);
      const ys = points.map((p) => p.y);
      return { x1: Math.min(...xs), x2: Math.max(...xs), y1: Math.min(...ys), y2: Math.max(...ys) };
    };
    const first = extent('b-');
    const second = extent('a-');
    // B's block first: to the left of A's in a row, or in the row above it.
    expect(first.x2 < second.x1 || first.y2 < second.y1).toBe(true);
  });
});

describe('separateRooms', () => {
  test('when two rooms sit on one another, then they are parted, and rooms apart are left where they are', () => {
    const rooms: Record<string, Room> = {
      a: { node: 30, labelWidth: 100, labelHeight: 30 },
      b: { node: 30, labelWidth: 100, labelHeight: 30 },
      c: { node: 30, labelWidth: 0, labelHeight: 0 },
    };
    const parted = separateRooms({ a: { x: 0, y: 0 }, b: { x: 5, y: 5 }, c: { x: 1000, y: 1000 } }, rooms, 1);
    expect(overlaps(parted, rooms, 1)).toEqual([]);
    expect(parted.c).toEqual({ x: 1000, y: 1000 });
  });
});

describe('computeLayout (the layout worker)', () => {
  test('when the request has no rooms (a large map), then it is forceLayout.ts block layout', () => {
    const map = seedLike();
    const request = { nodes: map.nodes, edges: map.edges, blockOrder: [] };
    expect(computeLayout(request)).toEqual(blockForceLayout(request));
    expect(computeLayout({ ...request, rooms: map.rooms })).toEqual(spacedLayout({ ...request, rooms: map.rooms }));
  });
});
