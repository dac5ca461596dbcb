// The seeded force layout of large maps (client/src/graph/forceLayout.ts): the same map gives the same
// positions on every load and in any order; linked stakeholders end nearer than unlinked ones; none overlap.
import { blockForceLayout, forceLayout, hashOf } from '../../../client/src/graph/forceLayout';

/** Ten stars of ten: a hub and nine stakeholders sending to it; the hubs send to a centre. */
function stars() {
  const ids = ['centre'];
  const edges: Array<{ from: string; to: string }> = [];
  for (let s = 0; s < 10; s++) {
    ids.push(`hub${s}`);
    edges.push({ from: `hub${s}`, to: 'centre' });
    for (let l = 0; l < 9; l++) {
      ids.push(`leaf${s}-${l}`);
      edges.push({ from: `leaf${s}-${l}`, to: `hub${s}` });
    }
  }
  return { ids, edges };
}

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe('forceLayout', () => {
  test('when the same map is laid out twice, in another order, then every position is the same', () => {
    const { ids, edges } = stars();
    const first = forceLayout(ids, edges);
    const again = forceLayout([...ids].reverse(), [...edges].reverse());
    expect(again).toEqual(first);
    expect(Object.keys(first)).toHaveLength(ids.length);
  });

  test('when laid out, then a leaf is nearer its own hub than the other hubs, and no two nodes share a spot', () => {
    const { ids, edges } = stars();
    const p = forceLayout(ids, edges);
    const own = distance(p['leaf3-4']!, p.hub3!);
    const others = [0, 1, 2, 4, 5, 6, 7, 8, 9].map((s) => distance(p['leaf3-4']!, p[`hub${s}`]!));
    expect(own).toBeLessThan(Math.min(...others));
    const points = Object.values(p);
    for (let i = 0; i < points.length; i++)
      for (let j = i + 1; j < points.length; j++) expect(distance(points[i]!, points[j]!)).toBeGreaterThan(10);
  });

  test('when a map is empty or has flows to unknown ids, then it is laid out without them', () => {
    expect(forceLayout([], [])).toEqual({});
    expect(Object.keys(forceLayout(['a'], [{ from: 'a', to: 'ghost' }]))).toEqual(['a']);
  });

  test('when blocks are laid out, then each keeps to its own area', () => {
    const nodes = ['a1', 'a2', 'a3', 'b1', 'b2'].map((id) => ({ id, block: id[0]! }));
    const edges = [
      { from: 'a1', to: 'a2' },
      { from: 'a2', to: 'a3' },
      { from: 'b1', to: 'b2' },
      { from: 'a1', to: 'b1' },
    ];
    const p = blockForceLayout({ nodes, edges, blockOrder: ['a', 'b'] });
    const box = (ids: string[]) => ({
      x1: Math.min(...ids.map((id) => p[id]!.x)),
      x2: Math.max(...ids.map((id) => p[id]!.x)),
      y1: Math.min(...ids.map((id) => p[id]!.y)),
      y2: Math.max(...ids.map((id) => p[id]!.y)),
    });
    const a = box(['a1', 'a2', 'a3']);
    const b = box(['b1', 'b2']);
    expect(a.x2 < b.x1 || b.x2 < a.x1 || a.y2 < b.y1 || b.y2 < a.y1).toBe(true);
  });

  test('hashOf is stable and spreads near ids', () => {
    expect(hashOf('xa-s0001')).toBe(hashOf('xa-s0001'));
    expect(hashOf('xa-s0001')).not.toBe(hashOf('xa-s0002'));
  });
});
