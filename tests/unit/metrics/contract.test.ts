// What every metric promises: it leaves its input alone, answers the same twice, returns finite
// numbers on degenerate graphs, and rejects bad arguments early, naming itself.
import { DirectedGraph, MultiDirectedGraph, UndirectedGraph } from 'graphology';
import type Graph from 'graphology-types';
import * as metrics from '../../../server/analysis/metrics';
import { countryLikeGraph, digraph } from './graphs';

type Run = (graph: Graph, node: string) => unknown;

// Every exported function, called on one node where it takes one.
const RUNS: Record<string, Run> = {
  betweenness: (g) => metrics.betweenness(g),
  edgeBetweenness: (g) => metrics.edgeBetweenness(g),
  harmonicClosenessIn: (g, v) => metrics.harmonicCloseness(g, v, 'in'),
  harmonicClosenessOut: (g, v) => metrics.harmonicCloseness(g, v, 'out'),
  reachIn: (g, v) => metrics.reach(g, v, 'in'),
  reachOut: (g, v) => metrics.reach(g, v, 'out'),
  brokerage: (g, v) => metrics.brokerage(g, v),
  burtConstraint: (g, v) => metrics.burtConstraint(g, v),
  density: (g) => metrics.density(g),
  reciprocity: (g) => metrics.reciprocity(g),
  meanDegree: (g) => metrics.meanDegree(g),
  degreeCentralization: (g) => metrics.degreeCentralization(g),
  betweennessCentralization: (g) => metrics.betweennessCentralization(g),
  components: (g) => metrics.components(g),
};
const NODE_FUNCTIONS = ['harmonicCloseness', 'reach', 'brokerage', 'burtConstraint'];
const fnName = (run: string) => run.replace(/(In|Out)$/, '');

/** Every number inside a result; `null` only where allowed (constraint of an isolated node). */
function numbers(value: unknown): Array<number | null> {
  if (value === null || typeof value === 'number') return [value];
  if (typeof value === 'object') return Object.values(value).flatMap(numbers);
  throw new Error(`unexpected ${typeof value} in a result`);
}

describe('every metric', () => {
  test('when it runs, then the graph, its attributes and its order are unchanged', () => {
    const g = countryLikeGraph(7, { main: 60, clusters: 3, isolated: 2 });
    g.setAttribute('country', 'XA');
    const before = JSON.stringify(g.export());
    const ncp = g.findNode((_node, attributes) => attributes.ncp)!;

    for (const run of Object.values(RUNS)) run(g, ncp);

    expect(JSON.stringify(g.export())).toBe(before);
  });

  test('when it runs twice on the same graph, then the answers are identical, key order included', () => {
    const g = countryLikeGraph(11, { main: 60, clusters: 3, isolated: 2 });
    const ncp = g.findNode((_node, attributes) => attributes.ncp)!;

    for (const [name, run] of Object.entries(RUNS)) {
      expect({ name, result: JSON.stringify(run(g, ncp)) }).toEqual({ name, result: JSON.stringify(run(g, ncp)) });
    }
  });

  test('when the graph is built in another order, then every value is the same (up to rounding)', () => {
    const forward = digraph('a>b a>c b>d c>d d>e e<>a c>e', { isolated: ['z'] });
    const backward = digraph('c>e e<>a d>e c>d b>d a>c a>b', { isolated: ['z'] });
    // Values by key path, so that key order does not matter; sums may round differently.
    const flat = (x: unknown, path = ''): Array<[string, number | null]> =>
      x !== null && typeof x === 'object'
        ? Object.entries(x)
            .sort()
            .flatMap(([k, v]) => flat(v, `${path}.${k}`))
        : [[path, x as number | null]];

    for (const [name, run] of Object.entries(RUNS)) {
      for (const v of ['a', 'd', 'z']) {
        const a = flat(run(forward, v));
        const b = flat(run(backward, v));
        expect({ name, v, keys: a.map(([k]) => k) }).toEqual({ name, v, keys: b.map(([k]) => k) });
        a.forEach(([, x], i) => {
          const y = b[i]![1];
          if (x === null || y === null) expect(x).toBe(y);
          else expect(x).toBeCloseTo(y, 12);
        });
      }
    }
  });

  test('when the graph is tiny or has isolated nodes, then every result is a finite number (null only for constraint)', () => {
    const cases: Array<[string, Graph, string]> = [
      ['one node', digraph('', { isolated: ['a'] }), 'a'],
      ['two isolated nodes', digraph('', { isolated: ['a', 'b'] }), 'a'],
      ['a reciprocal pair', digraph('a<>b'), 'a'],
      ['an isolated node beside a path', digraph('b>c c>d', { isolated: ['a'] }), 'a'],
    ];
    for (const [label, g, v] of cases) {
      for (const [name, run] of Object.entries(RUNS)) {
        for (const x of numbers(run(g, v))) {
          if (x === null) expect({ label, name }).toEqual({ label, name: 'burtConstraint' });
          else expect({ label, name, finite: Number.isFinite(x) }).toEqual({ label, name, finite: true });
        }
      }
    }
    for (const name of [
      'betweenness',
      'edgeBetweenness',
      'density',
      'reciprocity',
      'meanDegree',
      'degreeCentralization',
      'betweennessCentralization',
      'components',
    ]) {
      expect({ name, finite: numbers(RUNS[name]!(new DirectedGraph(), '')).every(Number.isFinite) }).toEqual({
        name,
        finite: true,
      });
    }
  });

  test('when the node is unknown, then the error names the function and the node', () => {
    const g = digraph('a>b');

    for (const [name, run] of Object.entries(RUNS)) {
      if (!NODE_FUNCTIONS.includes(fnName(name))) continue;
      expect(() => run(g, 'ghost')).toThrow(`${fnName(name)}: unknown node "ghost"`);
    }
  });

  test('when the graph is undirected or a multigraph, then the error names the function', () => {
    const undirected = new UndirectedGraph();
    undirected.mergeEdge('a', 'b');
    const multi = new MultiDirectedGraph();
    multi.mergeEdge('a', 'b');
    multi.addDirectedEdge('a', 'b');

    for (const [name, run] of Object.entries(RUNS)) {
      expect(() => run(undirected, 'a')).toThrow(`${fnName(name)}: expected a directed graph, got type "undirected"`);
      expect(() => run(multi, 'a')).toThrow(`${fnName(name)}: expected a simple graph`);
      expect(() => run(null as unknown as Graph, 'a')).toThrow(`${fnName(name)}: expected a graphology graph`);
    }
  });

  test('when the direction is neither "in" nor "out", then harmonicCloseness and reach say so', () => {
    const g = digraph('a>b');
    const both = 'both' as unknown as 'in';

    expect(() => metrics.harmonicCloseness(g, 'a', both)).toThrow(
      'harmonicCloseness: direction must be "in" or "out", got "both"',
    );
    expect(() => metrics.reach(g, 'a', both)).toThrow('reach: direction must be "in" or "out", got "both"');
  });

  test('when the graph allows self-loops and has one, then it is ignored (ANALYSIS.md: self-loops ignored)', () => {
    const withLoop = new DirectedGraph();
    withLoop.mergeEdgeWithKey('a->b', 'a', 'b');
    withLoop.mergeEdgeWithKey('b->c', 'b', 'c');
    withLoop.mergeEdgeWithKey('b->b', 'b', 'b');

    expect(metrics.betweenness(withLoop).b).toBeCloseTo(0.5, 12);
    expect(metrics.edgeBetweenness(withLoop)).toEqual({ 'a->b': 1 / 3, 'b->c': 1 / 3, 'b->b': 0 });
    expect(metrics.density(withLoop)).toBeCloseTo(2 / 6, 12);
    expect(metrics.reciprocity(withLoop)).toBe(0);
    expect(metrics.burtConstraint(withLoop, 'b')).toBeCloseTo(0.5, 12);
    expect(metrics.degreeCentralization(withLoop)).toBeCloseTo(1, 12);
  });
});
