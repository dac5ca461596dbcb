// Dominator trees and single points of failure: hand-worked graphs, then random graphs against brute force.
import { mulberry32 } from '../support/random';
import {
  dominatorsOf,
  immediateDominators,
  immediateDominatorsIndexed,
} from '../../server/analysis/metrics/graph/dominators';
import { singlePointsOfFailure } from '../../server/analysis/bottlenecks/single-points';

type Pair = readonly [string, string];
type Flow = { id: string; from: string; to: string };

/** Successors from "a>b" pairs, in the order given. */
function successorsOf(pairs: readonly Pair[]): (node: string) => string[] {
  const out = new Map<string, string[]>();
  for (const [from, to] of pairs) out.set(from, [...(out.get(from) ?? []), to]);
  return (node) => out.get(node) ?? [];
}
const pairs = (text: string): Pair[] =>
  text
    .split(/\s+/)
    .filter(Boolean)
    .map((p) => p.split('>') as unknown as Pair);
const flows = (text: string): Flow[] =>
  text
    .split(/\s+/)
    .filter(Boolean)
    .map((f) => {
      const [id, ends] = f.split(':') as [string, string];
      const [from, to] = ends.split('>') as [string, string];
      return { id, from, to };
    });
const sorted = (m: ReadonlyMap<string, string>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** A seeded integer generator in [0, below), so the random graphs are the same on every run. */
function prng(seed: number): (below: number) => number {
  const random = mulberry32(seed);
  return (below) => Math.floor(random() * below);
}

/** Brute force: the nodes reachable from `from`, with `without` (if any) taken out of the graph. */
function reachable(pairsList: readonly Pair[], from: readonly string[], without?: string): Set<string> {
  const next = successorsOf(pairsList);
  const seen = new Set<string>();
  const queue = from.filter((v) => v !== without);
  for (const v of queue) seen.add(v);
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of next(v)) {
      if (w === without || seen.has(w)) continue;
      seen.add(w);
      queue.push(w);
    }
  }
  return seen;
}

describe('immediateDominators', () => {
  test('when the graph is the Lengauer-Tarjan paper example, then the idoms are the published ones', () => {
    // Arrange: Lengauer & Tarjan (1979), figure 1.
    const nodes = ['R', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'];
    const edges = pairs(`R>A R>B R>C A>D B>A B>D B>E C>F C>G D>L E>H F>I G>I G>J H>E H>K I>K J>I K>I K>R L>H`);
    // By hand: F, G are only entered from C; J only from G; L only from D. Everything else has two
    // ways in that share nothing but R: A (R, R>B), D (A, B), E (B, and R>A>D>L>H), H (E, L), I
    // (C>F, and the K>I from R>B>E>H>K), K (H, I).
    const expected = { A: 'R', B: 'R', C: 'R', D: 'R', E: 'R', F: 'C', G: 'C', H: 'R', I: 'R', J: 'G', K: 'R', L: 'D' };

    // Act
    const idom = immediateDominators(nodes, successorsOf(edges), 'R');

    // Assert
    expect(Object.fromEntries(sorted(idom))).toEqual(expected);
  });

  test('when the graph is the irreducible example of the Cooper-Harvey-Kennedy paper, then every idom is the entry', () => {
    // Arrange: CHK (2001), figure 4, nodes named by their postorder numbers (6 is the entry).
    const edges = pairs('6>5 6>4 5>1 4>2 4>3 1>2 2>1 2>3 3>2');
    // By hand: 1 is entered from 5 and (via 4>2) from 2; 2 from 4 and (via 5>1) from 1; 3 from 4 and
    // (via 5>1>2) from 2. Every node has two ways in meeting only at 6.

    // Act
    const idom = immediateDominators(['1', '2', '3', '4', '5', '6'], successorsOf(edges), '6');

    // Assert
    expect(Object.fromEntries(sorted(idom))).toEqual({ 1: '6', 2: '6', 3: '6', 4: '6', 5: '6' });
  });

  test('when the graph is a chain a>b>c>d, then each node is dominated by the one before and the chain lists them all', () => {
    // Arrange
    const edges = pairs('a>b b>c c>d');

    // Act
    const idom = immediateDominators(['d', 'c', 'b', 'a'], successorsOf(edges), 'a');

    // Assert: b<-a, c<-b, d<-c; d's strict dominators nearest first: c, b, a.
    expect(Object.fromEntries(sorted(idom))).toEqual({ b: 'a', c: 'b', d: 'c' });
    expect(dominatorsOf(idom, 'd', 'a')).toEqual(['c', 'b', 'a']);
    expect(dominatorsOf(idom, 'b', 'a')).toEqual(['a']);
    expect(dominatorsOf(idom, 'a', 'a')).toEqual([]);
  });

  test('when the graph is a diamond, then the join has no strict dominator but the root', () => {
    // Arrange
    const edges = pairs('a>b a>c b>d c>d');

    // Act
    const idom = immediateDominators(['a', 'b', 'c', 'd'], successorsOf(edges), 'a');

    // Assert: d is entered from b and from c, which meet only at a.
    expect(Object.fromEntries(sorted(idom))).toEqual({ b: 'a', c: 'a', d: 'a' });
    expect(dominatorsOf(idom, 'd', 'a')).toEqual(['a']);
  });

  test('when some nodes are unreachable from the root, then they are absent and asking for their dominators fails', () => {
    // Arrange: x>y and x>b lead into the reachable part, but nothing reaches x or y.
    const edges = pairs('a>b x>y x>b y>a');

    // Act
    const idom = immediateDominators(['a', 'b', 'x', 'y', 'z'], successorsOf(edges), 'a');

    // Assert: only b (from a; the edge from x does not count, x is unreachable).
    expect(Object.fromEntries(sorted(idom))).toEqual({ b: 'a' });
    expect(() => dominatorsOf(idom, 'x', 'a')).toThrow(/^dominatorsOf: node "x" is not reachable/);
  });

  test('when the graph has cycles and self-loops, then they do not change the dominators', () => {
    // Arrange: the cycle a>b>c>a, a shortcut r>c, self-loops on b and c.
    const edges = pairs('r>a a>b b>b b>c c>c c>a r>c');
    // By hand: b is entered only from a (and itself): a. a is entered from r and from c, and c is
    // reached r>c without a: r. c is entered from b and from r directly: r.

    // Act
    const idom = immediateDominators(['r', 'a', 'b', 'c'], successorsOf(edges), 'r');

    // Assert
    expect(Object.fromEntries(sorted(idom))).toEqual({ a: 'r', b: 'a', c: 'r' });
    expect(dominatorsOf(idom, 'b', 'r')).toEqual(['a', 'r']);
  });

  test('when the root has a self-loop and edges back into it, then the root stays out of the result', () => {
    // Arrange
    const edges = pairs('r>r r>a a>r a>b b>r');

    // Act
    const idom = immediateDominators(['a', 'b', 'r'], successorsOf(edges), 'r');

    // Assert: a only from r, b only from a.
    expect(Object.fromEntries(sorted(idom))).toEqual({ a: 'r', b: 'a' });
    expect(idom.has('r')).toBe(false);
  });

  test('when the graph has parallel edges, then they count as one', () => {
    // Arrange: two edges a>b, then b>c twice and a>c.
    const edges = pairs('a>b a>b b>c b>c a>c');

    // Act
    const idom = immediateDominators(['a', 'b', 'c'], successorsOf(edges), 'a');

    // Assert
    expect(Object.fromEntries(sorted(idom))).toEqual({ b: 'a', c: 'a' });
  });

  test('when the arguments are inconsistent, then it fails early and names the function', () => {
    // Arrange
    const next = successorsOf(pairs('a>b b>ghost'));

    // Act / assert
    expect(() => immediateDominators(['a', 'b'], next, 'r')).toThrow(
      'immediateDominators: root "r" is not among the nodes',
    );
    expect(() => immediateDominators(['a', 'b'], next, 'a')).toThrow(
      'immediateDominators: successor "ghost" of "b" is not among the nodes',
    );
    expect(() => immediateDominators(['a', 'a'], next, 'a')).toThrow('immediateDominators: node "a" is listed twice');
    const fromA = immediateDominators(['a', 'b', 'c'], successorsOf(pairs('a>b c>b')), 'a');
    expect(() => dominatorsOf(fromA, 'b', 'c')).toThrow('dominatorsOf: the chain from "b" does not end at root "c"');
    expect(() => immediateDominatorsIndexed(Int32Array.of(0, 1), Int32Array.of(0), 1)).toThrow(
      /^immediateDominatorsIndexed: root 1/,
    );
    expect(() => immediateDominatorsIndexed(Int32Array.of(0, 1), Int32Array.of(5), 0)).toThrow(
      /^immediateDominatorsIndexed: target 5/,
    );
    expect(() => immediateDominatorsIndexed(Int32Array.of(0, 2), Int32Array.of(0), 0)).toThrow(
      /^immediateDominatorsIndexed: offsets/,
    );
  });

  test('when the indexed form gets compressed rows, then the root maps to itself and unreachable nodes to -1', () => {
    // Arrange: 0>1, 0>2, 1>3, 2>3, 3>3, and node 4 with 4>1 that nothing reaches.
    const offsets = Int32Array.of(0, 2, 3, 4, 5, 6);
    const targets = Int32Array.of(1, 2, 3, 3, 3, 1);

    // Act
    const idom = immediateDominatorsIndexed(offsets, targets, 0);

    // Assert: a diamond 0-1-2-3 (3 is entered from 1 and 2), its self-loop ignored; 4 unreachable.
    expect([...idom]).toEqual([0, 0, 0, 0, -1]);
  });

  test('when the graph is a path of 100,000 nodes, then there is no stack overflow and each idom is the previous node', () => {
    // Arrange
    const n = 100_000;
    const nodes = Array.from({ length: n }, (_, i) => `v${i}`);
    const next = (v: string) => {
      const i = Number(v.slice(1)) + 1;
      return i < n ? [`v${i}`] : [];
    };

    // Act
    const idom = immediateDominators(nodes, next, 'v0');

    // Assert
    expect(idom.size).toBe(n - 1);
    expect(idom.get('v99999')).toBe('v99998');
    expect(idom.get('v1')).toBe('v0');
    expect(dominatorsOf(idom, 'v99999', 'v0')).toHaveLength(n - 1);
  });

  test('when 300 random graphs are checked against brute force, then every idom and dominator chain agrees', () => {
    const rand = prng(20240611);
    let checkedNodes = 0;
    let deepChains = 0;
    for (let g = 0; g < 300; g++) {
      // Arrange: up to 12 nodes, up to 3n edges (self-loops and parallel edges happen), root n0.
      const n = 1 + rand(12);
      const nodes = Array.from({ length: n }, (_, i) => `n${i}`);
      const edges: Pair[] = Array.from({ length: rand(3 * n + 1) }, () => [`n${rand(n)}`, `n${rand(n)}`] as const);
      const root = 'n0';
      // Brute force: v strictly dominates w iff w is reachable, and not once v is taken out.
      const reach = reachable(edges, [root]);
      const strict = new Map<string, string[]>();
      for (const w of reach) {
        if (w !== root)
          strict.set(
            w,
            [...reach].filter((v) => v !== w && !reachable(edges, [root], v).has(w)),
          );
      }
      // Strict dominators form a chain; the nearer one has more dominators of its own.
      const depth = (v: string) => (v === root ? 0 : strict.get(v)!.length);
      const chain = (w: string) => [...strict.get(w)!].sort((a, b) => depth(b) - depth(a));

      // Act
      const idom = immediateDominators(nodes, successorsOf(edges), root);

      // Assert
      expect(sorted(idom)).toEqual([...strict.keys()].sort().map((w) => [w, chain(w)[0]]));
      for (const w of strict.keys()) {
        expect(dominatorsOf(idom, w, root)).toEqual(chain(w));
        checkedNodes++;
        if (chain(w).length >= 3) deepChains++;
      }
    }
    // The random graphs are not all trivial.
    expect(checkedNodes).toBeGreaterThan(500);
    expect(deepChains).toBeGreaterThan(50);
  });
});

/** Brute force, from the definition: X reaches the NCP iff some holder has a path of flows to it. */
function bruteSinglePoints(edges: readonly Flow[], holders: readonly string[], ncp: string) {
  const reaches = (without: { node?: string; flow?: string }) => {
    const kept = edges.filter((e) => e.id !== without.flow).map((e) => [e.from, e.to] as const);
    return reachable(kept, holders, without.node).has(ncp);
  };
  if (!reaches({})) return { stakeholders: [], flows: [] };
  const stakeholders = new Set([...holders, ...edges.flatMap((e) => [e.from, e.to])]);
  stakeholders.delete(ncp);
  return {
    stakeholders: [...stakeholders].filter((node) => !reaches({ node })).sort(),
    flows: edges
      .filter((e) => !reaches({ flow: e.id }))
      .map((e) => e.id)
      .sort(),
  };
}

describe('singlePointsOfFailure', () => {
  test('when one holder has a single chain to the NCP, then the holder and every intermediate are SPOFs and every flow is critical', () => {
    // Arrange: z-holder >f3> m1 >f1> m2 >f2> ncp (ids chosen so that input order is not sorted order).
    const edges = flows('f3:z-holder>m1 f1:m1>m2 f2:m2>ncp');

    // Act
    const result = singlePointsOfFailure({ edges, holders: ['z-holder'], ncp: 'ncp' });

    // Assert: the only path is the chain itself.
    expect(result).toEqual({ stakeholders: ['m1', 'm2', 'z-holder'], flows: ['f1', 'f2', 'f3'] });
  });

  test('when two holders join at a hub, then the hub is a SPOF and the holders are not', () => {
    // Arrange
    const edges = flows('a:h1>hub b:h2>hub c:hub>ncp');

    // Act
    const result = singlePointsOfFailure({ edges, holders: ['h1', 'h2'], ncp: 'ncp' });

    // Assert: without h1, h2 still reaches through the hub; without the hub, nothing does. Only c
    // carries every path.
    expect(result).toEqual({ stakeholders: ['hub'], flows: ['c'] });
  });

  test('when two holders have disjoint routes, then there is no SPOF and no critical flow', () => {
    // Arrange
    const edges = flows('a:h1>x b:x>ncp c:h2>y d:y>ncp');

    // Act
    const result = singlePointsOfFailure({ edges, holders: ['h1', 'h2'], ncp: 'ncp' });

    // Assert
    expect(result).toEqual({ stakeholders: [], flows: [] });
  });

  test('when one holder has two disjoint routes, then only the holder is a SPOF', () => {
    // Arrange
    const edges = flows('a:h>x b:x>ncp c:h>y d:y>ncp');

    // Act
    const result = singlePointsOfFailure({ edges, holders: ['h'], ncp: 'ncp' });

    // Assert: every path starts at h; no flow is on both routes.
    expect(result).toEqual({ stakeholders: ['h'], flows: [] });
  });

  test('when two flows run in parallel, then their ends stay SPOFs but the parallel flows are not critical', () => {
    // Arrange: h >f1,f2> m >f3> ncp.
    const edges = flows('f1:h>m f2:h>m f3:m>ncp');

    // Act
    const result = singlePointsOfFailure({ edges, holders: ['h'], ncp: 'ncp' });

    // Assert: removing f1 leaves f2 (and back); f3 is the only way into the NCP.
    expect(result).toEqual({ stakeholders: ['h', 'm'], flows: ['f3'] });
  });

  test('when the only path leaves the country and comes back through a foreign node, then the foreign node is a SPOF', () => {
    // Arrange: two Danish holders, both routes pass a Swedish agency.
    const edges = flows('f1:dk-police>se-agency f2:dk-health>dk-ministry f3:dk-ministry>se-agency f4:se-agency>dk-ncp');

    // Act
    const result = singlePointsOfFailure({ edges, holders: ['dk-police', 'dk-health'], ncp: 'dk-ncp' });

    // Assert: se-agency and its flow to the NCP are on every path; dk-ministry only on one.
    expect(result).toEqual({ stakeholders: ['se-agency'], flows: ['f4'] });
  });

  test('when X does not reach the NCP, then both lists are empty', () => {
    // Arrange: flows exist, but only away from the NCP or between others.
    const edges = flows('a:h>m b:ncp>m c:m>m');

    // Act / assert: no path, so nothing "cuts" it.
    expect(singlePointsOfFailure({ edges, holders: ['h'], ncp: 'ncp' })).toEqual({ stakeholders: [], flows: [] });
    expect(singlePointsOfFailure({ edges: flows('a:h>ncp'), holders: [], ncp: 'ncp' })).toEqual({
      stakeholders: [],
      flows: [],
    });
    expect(singlePointsOfFailure({ edges: [], holders: ['h'], ncp: 'ncp' })).toEqual({ stakeholders: [], flows: [] });
  });

  test("when a holder lies on another holder's route, then it is a SPOF and the other is not", () => {
    // Arrange: h1 >a> h2 >b> m >c> ncp.
    const edges = flows('a:h1>h2 b:h2>m c:m>ncp');

    // Act
    const result = singlePointsOfFailure({ edges, holders: ['h1', 'h2'], ncp: 'ncp' });

    // Assert: without h1, h2 still sends; without h2, nothing arrives. a is not critical (h2 holds X).
    expect(result).toEqual({ stakeholders: ['h2', 'm'], flows: ['b', 'c'] });
  });

  test('when a flow is a self-loop, then it is ignored and never critical', () => {
    // Arrange
    const edges = flows('a:h>m loop:m>m b:m>ncp');

    // Act
    const result = singlePointsOfFailure({ edges, holders: ['h'], ncp: 'ncp' });

    // Assert
    expect(result).toEqual({ stakeholders: ['h', 'm'], flows: ['a', 'b'] });
  });

  test('when flow ids equal stakeholder ids, then the two are kept apart', () => {
    // Arrange: flow "m" goes h>m, flow "h" goes m>ncp, and a second route h>x>ncp avoids both.
    const edges = flows('m:h>m h:m>ncp x1:h>x x2:x>ncp');

    // Act
    const result = singlePointsOfFailure({ edges, holders: ['h'], ncp: 'ncp' });

    // Assert: only the holder itself; no flow named "h" or "m" is critical.
    expect(result).toEqual({ stakeholders: ['h'], flows: [] });
  });

  test('when the input is inconsistent, then it fails early and names the function', () => {
    // Act / assert
    expect(() => singlePointsOfFailure({ edges: [], holders: ['ncp'], ncp: 'ncp' })).toThrow(
      /^singlePointsOfFailure: the NCP "ncp" is passed as a holder/,
    );
    expect(() => singlePointsOfFailure({ edges: flows('a:h>ncp a:h>m'), holders: ['h'], ncp: 'ncp' })).toThrow(
      'singlePointsOfFailure: flow "a" is listed twice',
    );
  });

  test('when 400 random graphs are checked against brute force, then SPOFs and critical flows agree exactly', () => {
    const rand = prng(7_000_003);
    const seen = { notReaching: 0, withSpof: 0, withoutSpof: 0, withCriticalFlow: 0, withHolderSpof: 0 };
    for (let g = 0; g < 400; g++) {
      // Arrange: up to 12 stakeholders, up to 3n flows (self-loops and parallels happen), up to 4
      // holders (repeats allowed), never the NCP. Every other graph names its flows like stakeholders.
      const n = 2 + rand(11);
      const node = () => `n${rand(n)}`;
      const ncp = node();
      const holders = Array.from({ length: rand(5) }, node).filter((h) => h !== ncp);
      const edges: Flow[] = Array.from({ length: rand(3 * n + 1) }, (_, i) => ({
        id: g % 2 === 0 ? `f${i}` : `n${i}`,
        from: node(),
        to: node(),
      }));
      const expected = bruteSinglePoints(edges, holders, ncp);

      // Act
      const result = singlePointsOfFailure({ edges, holders, ncp });

      // Assert
      expect({ g, ...result }).toEqual({ g, ...expected });
      if (
        !reachable(
          edges.map((e) => [e.from, e.to] as const),
          holders,
        ).has(ncp)
      )
        seen.notReaching++;
      else if (expected.stakeholders.length > 0) seen.withSpof++;
      else seen.withoutSpof++;
      if (expected.flows.length > 0) seen.withCriticalFlow++;
      if (expected.stakeholders.some((s) => holders.includes(s))) seen.withHolderSpof++;
    }
    // Every kind of case is exercised many times.
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(20);
  });
});
