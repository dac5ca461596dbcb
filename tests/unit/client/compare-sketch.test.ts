// The compare view's sketches: what a sketch draws from a map, the grouped sketch of a large map (its
// counts and its fixed places), and the seeded numbers that make the small map's layout the same on every
// load (that layout runs in a worker: the browser test of the compare view checks it).
import type { GraphResponse } from '../../../client/src/graph/api/types';
import {
  groupedSketch,
  seededRandom,
  sketchInput,
  type SketchInput,
} from '../../../client/src/features/compare/sketch';

const SECTORS = ['law_enforcement', 'justice', 'child_protection', 'migration', 'civil_society'];

/** A map of `n` stakeholders in a ring of flows with a few chords; the first is the NCP. */
function input(n: number): SketchInput {
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    name: `Stakeholder ${i}`,
    sector: SECTORS[i % SECTORS.length]!,
    ncp: i === 0,
  }));
  const edges = nodes.flatMap((s, i) => [
    { id: `f${i}`, from: s.id, to: nodes[(i + 1) % n]!.id },
    ...(i % 4 === 0 ? [{ id: `g${i}`, from: s.id, to: nodes[(i * 7 + 3) % n]!.id }] : []),
  ]);
  return { nodes, edges: edges.filter((e) => e.from !== e.to) };
}

describe('sketchInput', () => {
  test('when a map has foreign ends, inactive flows and loops, then the sketch draws its own stakeholders and the active flows between them', () => {
    const graph = {
      stakeholders: [
        { id: 'a', name: 'A', sector: 'justice', ncp: true, external: false },
        { id: 'b', name: 'B', sector: 'migration', ncp: false, external: false },
        { id: 'x', name: 'X', sector: 'justice', ncp: false, external: true },
      ],
      flows: [
        { id: 'f1', from: 'a', to: 'b', status: 'active' },
        { id: 'f2', from: 'a', to: 'x', status: 'active' },
        { id: 'f3', from: 'b', to: 'a', status: 'planned' },
        { id: 'f4', from: 'a', to: 'a', status: 'active' },
      ],
    } as unknown as GraphResponse;

    expect(sketchInput(graph)).toEqual({
      nodes: [
        { id: 'a', name: 'A', sector: 'justice', ncp: true },
        { id: 'b', name: 'B', sector: 'migration', ncp: false },
      ],
      edges: [{ id: 'f1', from: 'a', to: 'b' }],
    });
  });
});

describe('groupedSketch', () => {
  test('when a large map is grouped, then each sector holds its stakeholders and every flow is counted once, within a sector or between two', () => {
    const map = input(1000);
    const sketch = groupedSketch(map);

    expect(sketch.kind).toBe('grouped');
    expect(sketch.stakeholders).toBe(1000);
    expect(sketch.flows).toBe(map.edges.length);
    expect(sketch.groups.map((g) => [g.sector, g.count])).toEqual(SECTORS.map((s) => [s, 200]));
    const within = sketch.groups.reduce((a, g) => a + g.within, 0);
    const between = sketch.links.reduce((a, l) => a + l.count, 0);
    expect(within + between).toBe(map.edges.length);
    // One link per pair of sectors, whichever way the flows run.
    expect(new Set(sketch.links.map((l) => `${l.a}>${l.b}`)).size).toBe(sketch.links.length);
    expect(sketch.links.every((l) => l.a !== l.b)).toBe(true);
    expect(sketch.ncp).toEqual({ name: 'Stakeholder 0', sector: 'law_enforcement' });
  });

  test('when the same map is grouped twice, in any order, then the picture is the same', () => {
    const map = input(400);
    const shuffled = { nodes: [...map.nodes].reverse(), edges: [...map.edges].reverse() };

    expect(groupedSketch(shuffled)).toEqual(groupedSketch(map));
  });

  test('when sectors differ in size, then the larger one has the larger disc, and the groups sit apart on a ring', () => {
    const map = input(300);
    map.nodes.forEach((n, i) => (n.sector = i < 250 ? 'justice' : 'migration'));

    const [justice, migration] = groupedSketch(map).groups;

    expect(justice!.sector).toBe('justice');
    expect(justice!.r).toBeGreaterThan(migration!.r);
    expect(Math.hypot(justice!.x - migration!.x, justice!.y - migration!.y)).toBeGreaterThan(justice!.r + migration!.r);
  });
});

describe('seededRandom', () => {
  test('seededRandom gives the same stream for the same seed, within [0, 1)', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const xs = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(100);
  });
});
