// Betweenness, edge betweenness and harmonic closeness on graphs small enough to work out by hand.
import { betweenness, edgeBetweenness, harmonicCloseness } from '../../../server/analysis/metrics';
import { digraph } from './graphs';

describe('betweenness', () => {
  test('when the graph is a path a->b->c, then b has 1/((3-1)(3-2)) = 0.5 and the ends 0', () => {
    // Only the pair (a, c) has an intermediate node: b, on its single shortest path. Raw 1.
    const g = digraph('a>b b>c');

    const result = betweenness(g);

    expect(Object.keys(result)).toEqual(['a', 'b', 'c']);
    expect(result.a).toBeCloseTo(0, 12);
    expect(result.b).toBeCloseTo(0.5, 12);
    expect(result.c).toBeCloseTo(0, 12);
  });

  test('when normalisation is turned off, then the path middle gets the raw count 1', () => {
    const g = digraph('a>b b>c');

    const result = betweenness(g, { normalized: false });

    expect(result.b).toBeCloseTo(1, 12);
  });

  test('when the star has flows both ways, then the centre has 1 and the leaves 0', () => {
    // n = 4; the 3*2 = 6 ordered pairs of leaves all pass through h: 6 / (3*2) = 1.
    const g = digraph('h<>x h<>y h<>z');

    const result = betweenness(g);

    expect(result.h).toBeCloseTo(1, 12);
    for (const leaf of ['x', 'y', 'z']) expect(result[leaf]).toBeCloseTo(0, 12);
  });

  test('when the star only sends, then nobody lies between two others', () => {
    // h -> x, h -> y, h -> z: no path joins two leaves, and h is an end of every other path.
    const g = digraph('h>x h>y h>z');

    const result = betweenness(g);

    expect(Object.values(result)).toEqual([0, 0, 0, 0]);
  });

  test('when two shortest paths tie, then each middle node gets half of the pair', () => {
    // Diamond a->b->d, a->c->d: the pair (a, d) splits 1/2, 1/2; n = 4, so 0.5 / 6 = 1/12.
    const g = digraph('a>b a>c b>d c>d');

    const result = betweenness(g);

    expect(result.b).toBeCloseTo(1 / 12, 12);
    expect(result.c).toBeCloseTo(1 / 12, 12);
    expect(result.a).toBeCloseTo(0, 12);
    expect(result.d).toBeCloseTo(0, 12);
  });

  test('when the graph is a directed 3-cycle, then every node carries one pair: 0.5 each', () => {
    // a->b->c->a: (a, c) through b, (b, a) through c, (c, b) through a.
    const g = digraph('a>b b>c c>a');

    const result = betweenness(g);

    for (const v of ['a', 'b', 'c']) expect(result[v]).toBeCloseTo(0.5, 12);
  });

  test('when an isolated node is added to the path, then n = 4 and b has 1/(3*2) = 1/6', () => {
    const g = digraph('a>b b>c', { isolated: ['z'] });

    const result = betweenness(g);

    expect(result.b).toBeCloseTo(1 / 6, 12);
    expect(result.z).toBe(0);
  });

  test('when the graph has fewer than 3 nodes, then everyone has 0; an empty graph gives {}', () => {
    expect(betweenness(digraph(''))).toEqual({});
    expect(betweenness(digraph('', { isolated: ['a'] }))).toEqual({ a: 0 });
    expect(betweenness(digraph('a<>b'))).toEqual({ a: 0, b: 0 });
  });
});

describe('edgeBetweenness', () => {
  test('when the graph is a path a->b->c, then each edge carries 2 of the 3*2 ordered pairs: 1/3', () => {
    // a->b: pairs (a, b) and (a, c); b->c: pairs (b, c) and (a, c). Normalised by n(n-1) = 6.
    const g = digraph('a>b b>c');

    const result = edgeBetweenness(g);

    expect(Object.keys(result)).toEqual(['a->b', 'b->c']);
    expect(result['a->b']).toBeCloseTo(1 / 3, 12);
    expect(result['b->c']).toBeCloseTo(1 / 3, 12);
  });

  test('when two shortest paths tie, then every edge of the diamond carries 1 + 1/2 pairs: 1.5/12', () => {
    // a->b: (a, b) and half of (a, d); b->d: (b, d) and half of (a, d); likewise via c. n(n-1) = 12.
    const g = digraph('a>b a>c b>d c>d');

    const result = edgeBetweenness(g);

    for (const e of ['a->b', 'a->c', 'b->d', 'c->d']) expect(result[e]).toBeCloseTo(0.125, 12);
  });

  test('when normalisation is turned off, then the raw pair counts come back', () => {
    const g = digraph('a>b a>c b>d c>d');

    const result = edgeBetweenness(g, { normalized: false });

    expect(result['a->b']).toBeCloseTo(1.5, 12);
  });

  test('when two nodes send to each other, then each edge carries its own pair: 1/(2*1)', () => {
    const g = digraph('a<>b');

    const result = edgeBetweenness(g);

    expect(result).toEqual({ 'a->b': 0.5, 'b->a': 0.5 });
  });

  test('when the graph is a directed 3-cycle, then each edge carries 3 of the 6 pairs: 0.5', () => {
    // a->b carries (a, b), (a, c) via a->b->c and (c, b) via c->a->b; likewise b->c and c->a.
    const g = digraph('a>b b>c c>a');

    const result = edgeBetweenness(g);

    for (const e of ['a->b', 'b->c', 'c->a']) expect(result[e]).toBeCloseTo(0.5, 12);
  });

  test('when the graph has no edge or one node, then the result is empty', () => {
    expect(edgeBetweenness(digraph(''))).toEqual({});
    expect(edgeBetweenness(digraph('', { isolated: ['a', 'b'] }))).toEqual({});
  });
});

describe('harmonicCloseness', () => {
  test('when the graph is a path a->b->c, then c is reached from 1 and 2 hops: (1 + 1/2)/2 in', () => {
    const g = digraph('a>b b>c');

    expect(harmonicCloseness(g, 'c', 'in')).toBeCloseTo(0.75, 12);
    expect(harmonicCloseness(g, 'a', 'out')).toBeCloseTo(0.75, 12);
    expect(harmonicCloseness(g, 'b', 'in')).toBeCloseTo(0.5, 12); // a at 1 hop; c cannot reach b
    expect(harmonicCloseness(g, 'b', 'out')).toBeCloseTo(0.5, 12);
    expect(harmonicCloseness(g, 'a', 'in')).toBe(0);
    expect(harmonicCloseness(g, 'c', 'out')).toBe(0);
  });

  test('when flows go both ways around a star, then the centre is 1 hop from all: 1, a leaf (1 + 1/2 + 1/2)/3', () => {
    const g = digraph('h<>x h<>y h<>z');

    expect(harmonicCloseness(g, 'h', 'in')).toBeCloseTo(1, 12);
    expect(harmonicCloseness(g, 'x', 'out')).toBeCloseTo(2 / 3, 12);
  });

  test('when some nodes cannot reach the node, then they add 0 but still count in n - 1', () => {
    // a->b with isolated z: n - 1 = 2, only a reaches b.
    const g = digraph('a>b', { isolated: ['z'] });

    expect(harmonicCloseness(g, 'b', 'in')).toBeCloseTo(0.5, 12);
    expect(harmonicCloseness(g, 'z', 'in')).toBe(0);
    expect(harmonicCloseness(g, 'z', 'out')).toBe(0);
  });

  test('when the graph has one node, then closeness is 0 both ways', () => {
    const g = digraph('', { isolated: ['a'] });

    expect(harmonicCloseness(g, 'a', 'in')).toBe(0);
    expect(harmonicCloseness(g, 'a', 'out')).toBe(0);
  });
});
