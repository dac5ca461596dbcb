// Whole-graph metrics of ANALYSIS.md §5 on graphs worked out by hand.
import {
  betweennessCentralization,
  components,
  degreeCentralization,
  density,
  meanDegree,
  reciprocity,
} from '../../../server/analysis/metrics';
import { DirectedGraph } from 'graphology';
import { digraph } from './graphs';

// a <> b, b -> c: 3 connected ordered pairs among n = 3 nodes, 2 of them reciprocated.
const threeFlows = () => digraph('a<>b b>c');
const empty = () => digraph('');
const single = () => digraph('', { isolated: ['a'] });

describe('density', () => {
  test('when 3 of the 3*2 ordered pairs are connected, then density is 0.5', () => {
    expect(density(threeFlows())).toBeCloseTo(0.5, 12);
  });

  test('when every ordered pair is connected, then density is 1', () => {
    expect(density(digraph('a<>b b<>c a<>c'))).toBeCloseTo(1, 12);
  });

  test('when the graph has fewer than two nodes, then density is 0', () => {
    expect(density(empty())).toBe(0);
    expect(density(single())).toBe(0);
  });
});

describe('reciprocity', () => {
  test('when 2 of 3 connected pairs have their reverse connected, then reciprocity is 2/3', () => {
    expect(reciprocity(threeFlows())).toBeCloseTo(2 / 3, 12);
  });

  test('when no flow is answered, then reciprocity is 0; when all are, 1', () => {
    expect(reciprocity(digraph('a>b b>c'))).toBe(0);
    expect(reciprocity(digraph('a<>b c<>b'))).toBeCloseTo(1, 12);
  });

  test('when the graph has no edge, then reciprocity is 0', () => {
    expect(reciprocity(empty())).toBe(0);
    expect(reciprocity(digraph('', { isolated: ['a', 'b'] }))).toBe(0);
  });
});

describe('meanDegree', () => {
  test('when 3 pairs are connected among 3 nodes, then the mean degree is 1', () => {
    expect(meanDegree(threeFlows())).toBeCloseTo(1, 12);
  });

  test('when an isolated node joins, then it counts in n: 3/4', () => {
    expect(meanDegree(digraph('a<>b b>c', { isolated: ['z'] }))).toBeCloseTo(0.75, 12);
  });

  test('when the graph is empty, then the mean degree is 0; one node, 0 too', () => {
    expect(meanDegree(empty())).toBe(0);
    expect(meanDegree(single())).toBe(0);
  });
});

describe('degreeCentralization', () => {
  test('when the graph is a star, whatever the directions, then it is 1', () => {
    // Undirected degrees 3, 1, 1, 1 (h<>z is one tie): (0 + 2 + 2 + 2) / (3*2) = 1.
    expect(degreeCentralization(digraph('h>x y>h h<>z'))).toBeCloseTo(1, 12);
  });

  test('when the graph is a path of four, then it is (1 + 0 + 0 + 1)/(3*2) = 1/3', () => {
    expect(degreeCentralization(digraph('a>b c>b c>d'))).toBeCloseTo(1 / 3, 12);
  });

  test('when every node has the same degree, then it is 0', () => {
    expect(degreeCentralization(digraph('a>b b>c c>a'))).toBe(0);
  });

  test('when the graph has fewer than 3 nodes, then it is 0', () => {
    expect(degreeCentralization(empty())).toBe(0);
    expect(degreeCentralization(digraph('a<>b'))).toBe(0);
  });
});

describe('betweennessCentralization', () => {
  test('when the star has flows both ways, then the centre has 1, the leaves 0: 3 * 1 / 3 = 1', () => {
    expect(betweennessCentralization(digraph('h<>x h<>y h<>z'))).toBeCloseTo(1, 12);
  });

  test('when the graph is a path a->b->c, then it is (0.5 + 0 + 0.5) / 2 = 0.5', () => {
    expect(betweennessCentralization(digraph('a>b b>c'))).toBeCloseTo(0.5, 12);
  });

  test('when every node has the same betweenness (a 3-cycle), then it is 0', () => {
    expect(betweennessCentralization(digraph('a>b b>c c>a'))).toBeCloseTo(0, 12);
  });

  test('when the graph has fewer than two nodes, or no edge, then it is 0', () => {
    expect(betweennessCentralization(empty())).toBe(0);
    expect(betweennessCentralization(single())).toBe(0);
    expect(betweennessCentralization(digraph('', { isolated: ['a', 'b', 'c'] }))).toBe(0);
  });
});

describe('components', () => {
  test('when a 2-cycle feeds c, d is isolated and e sends to f, then 3 weak and 5 strong components', () => {
    // Weak: {a, b, c}, {d}, {e, f}. Strong: {a, b}, {c}, {d}, {e}, {f}.
    const g = digraph('a<>b b>c e>f', { isolated: ['d'] });

    expect(components(g)).toEqual({ weak: 3, strong: 5 });
  });

  test('when a cycle closes a chain, then the cycle is one strong component', () => {
    // a -> b -> c -> a and c -> d: strong {a, b, c}, {d}.
    expect(components(digraph('a>b b>c c>a c>d'))).toEqual({ weak: 1, strong: 2 });
  });

  test('when the graph is empty, then there is no component; one node is one of each', () => {
    expect(components(empty())).toEqual({ weak: 0, strong: 0 });
    expect(components(single())).toEqual({ weak: 1, strong: 1 });
  });

  test('when the graph is a path of 50,000 nodes, then the count does not overflow the call stack', () => {
    // graphology-components' strongly connected components recurse and fail at ~10,000 here.
    const g = new DirectedGraph();
    for (let i = 0; i < 50000; i++) g.addNode(`n${i}`);
    for (let i = 0; i + 1 < 50000; i++) g.addDirectedEdge(`n${i}`, `n${i + 1}`);

    expect(components(g)).toEqual({ weak: 1, strong: 50000 });
  });
});
