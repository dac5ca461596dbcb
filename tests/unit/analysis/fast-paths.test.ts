// The fast code paths of the analyses at region scale answer exactly what the straightforward versions
// did: X-paths on numbered nodes, Brandes walking only the shortest-path edges, the country graph
// indexed straight from the flows, flows indexed by country.
import {
  distancesTo,
  flowsTowards,
  reachableFrom,
  reachesAny,
  someReaches,
  bestPath,
} from '../../../server/analysis/coverage/paths';
import {
  buildFlowGraph,
  countryFlows,
  countryGraph,
  countryIndex,
  nationalCountries,
  type FlowEdge,
} from '../../../server/analysis/flow-graph';
import { brandes, components, componentsIndexed, type IndexedGraph } from '../../../server/analysis/metrics';
import { indexGraph } from '../../../server/analysis/metrics/indexed-graph';
import { countConnectedComponents } from 'graphology-components';
import { Frequency } from '../../../server/model';
import { readCatalogue } from '../../../seed/loader';
import { syntheticRegion } from '../../perf/synthetic';
import { mulberry32 } from '../../support/random';
import { referenceBestPath, referenceBrandes, referenceDistancesTo } from './reference-impl';

const BASES = ['informal', 'project', 'agreement', 'statutory'] as const;
const FREQUENCIES = Frequency.options;

/** A random edge list on `n` nodes: parallel flows, self-loops and unreachable parts included. */
function randomEdges(seed: number, n: number, m: number): FlowEdge[] {
  const rnd = mulberry32(seed);
  const int = (k: number) => Math.floor(rnd() * k);
  return Array.from({ length: m }, (_, i) => ({
    id: `f${String(int(1000)).padStart(3, '0')}-${i}`,
    from: `n${int(n)}`,
    to: `n${int(n)}`,
    indicators: ['X'],
    basis: BASES[int(4)]!,
    ...(rnd() < 0.7 ? { frequency: FREQUENCIES[int(FREQUENCIES.length)]! } : {}),
    ...(rnd() < 0.5 ? { latencyDays: int(30) } : {}),
    personDependent: rnd() < 0.3,
    confidence: 'confirmed' as const,
    status: 'active' as const,
  }));
}

/** A random simple directed graph as an index (rows in a shuffled order, as a graph's edge order would give). */
function randomIndex(seed: number, n: number, p: number): IndexedGraph {
  const rnd = mulberry32(seed);
  const rows: number[][] = Array.from({ length: n }, () => []);
  for (let u = 0; u < n; u++) for (let v = 0; v < n; v++) if (u !== v && rnd() < p) rows[u]!.push(v);
  for (const row of rows) row.sort(() => rnd() - 0.5);
  const offsets = new Int32Array(n + 1);
  const targets: number[] = [];
  rows.forEach((row, u) => {
    targets.push(...row);
    offsets[u + 1] = targets.length;
  });
  const nodes = Array.from({ length: n }, (_, i) => `v${i}`);
  return {
    nodes,
    indexOf: new Map(nodes.map((id, i) => [id, i])),
    offsets,
    targets: Int32Array.from(targets),
    edges: targets.map((_, k) => `e${k}`),
  };
}

const sameBits = (a: Float64Array, b: Float64Array) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

describe('X-paths on numbered nodes', () => {
  test('when random edge lists are searched, then distances and best paths are those of the string-keyed search', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const n = 5 + (seed % 25);
      const edges = randomEdges(seed, n, n * (1 + (seed % 4)));
      for (let t = 0; t < n; t += 3) {
        const target = `n${t}`;
        expect(Object.fromEntries(distancesTo(edges, target))).toEqual(
          Object.fromEntries(referenceDistancesTo(edges, target)),
        );
        const holders = [`n${(t + 1) % n}`, `n${(t + 7) % n}`, `n${(t + 11) % n}`, target].sort();
        expect({ seed, target, best: bestPath(edges, holders, target) }).toEqual({
          seed,
          target,
          best: referenceBestPath(edges, holders, target),
        });
        // Both ends with a path to the target; and no search leaves the scratch space dirty.
        const dist = referenceDistancesTo(edges, target);
        expect(flowsTowards(edges, target)).toEqual(edges.filter((e) => dist.has(e.from) && dist.has(e.to)));
        const usable = (e: FlowEdge) => e.basis !== 'informal';
        expect(someReaches(edges, holders, target, usable)).toBe(
          holders.some((h) => h !== target && referenceDistancesTo(edges.filter(usable), target).has(h)),
        );
        const seen = new Set<string>([target]);
        for (let grew = true; grew;) {
          grew = false;
          for (const e of edges) if (seen.has(e.from) && !seen.has(e.to)) grew = Boolean(seen.add(e.to));
        }
        expect([...reachableFrom(edges, target)].sort()).toEqual([...seen].sort());
        expect(reachesAny(edges, target, (id) => id === `n${(t + 2) % n}` && id !== target)).toBe(
          seen.has(`n${(t + 2) % n}`) && (t + 2) % n !== t,
        );
      }
    }
  });

  test('when the target or a holder has no flow at all, then nothing reaches and nothing throws', () => {
    const edges = randomEdges(3, 5, 8);
    expect(distancesTo(edges, 'nobody')).toEqual(new Map([['nobody', 0]]));
    expect(bestPath(edges, ['n1', 'ghost'], 'nobody')).toBeUndefined();
    expect(flowsTowards(edges, 'nobody')).toEqual([]);
    expect(reachableFrom(edges, 'nobody')).toEqual(new Set(['nobody']));
    expect(someReaches(edges, ['n1'], 'nobody')).toBe(false);
    expect(bestPath(edges, ['ghost'], 'n1')).toEqual(referenceBestPath(edges, ['ghost'], 'n1'));
  });
});

describe('Brandes on the shortest-path edges only', () => {
  test('when random graphs of every density are measured, then node and edge dependencies equal the reference to the last bit', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const index = randomIndex(seed, 3 + (seed % 37), [0.02, 0.08, 0.2, 0.6][seed % 4]!);
      const fast = brandes(index);
      const reference = referenceBrandes(index);
      expect({ seed, node: sameBits(fast.node, reference.node), edge: sameBits(fast.edge, reference.edge) }).toEqual({
        seed,
        node: true,
        edge: true,
      });
    }
  });
});

describe('per-country indexes of the flow graph', () => {
  const document = syntheticRegion({ countries: 3, stakeholdersPerCountry: 80, seed: 7 });
  const fg = buildFlowGraph(document, readCatalogue() as never);

  test('when the country graph is indexed straight from the flows, then it is the index of the graphology country graph', () => {
    for (const c of fg.countries.map((x) => x.code)) {
      const fast = countryIndex(fg, c);
      const cg = countryGraph(fg, c);
      const slow = indexGraph(cg, 'out');
      expect({ nodes: fast.nodes, offsets: [...fast.offsets], targets: [...fast.targets], edges: fast.edges }).toEqual({
        nodes: slow.nodes,
        offsets: [...slow.offsets],
        targets: [...slow.targets],
        edges: slow.edges,
      });
      expect(fast.flows).toEqual(slow.edges.map((key) => cg.getEdgeAttribute(key, 'flows')));
      expect(componentsIndexed(fast)).toEqual(components(cg));
      expect(componentsIndexed(fast).weak).toBe(countConnectedComponents(cg));
    }
  });

  test('when flows are indexed by country, then each list is what a scan of every flow finds, in the same order', () => {
    const countryOf = (id: string) => fg.node(id)!.country;
    for (const c of nationalCountries(fg)) {
      const flows = countryFlows(fg, c);
      expect(flows.own).toEqual(fg.allFlows.filter((e) => countryOf(e.from) === c && countryOf(e.to) === c));
      expect(flows.outgoing).toEqual(fg.flows.filter((e) => countryOf(e.from) === c));
      expect(flows.crossBorder).toEqual(
        fg.allFlows.filter((e) => (countryOf(e.from) === c) !== (countryOf(e.to) === c)),
      );
    }
    expect(countryFlows(fg, 'QZ')).toEqual({ own: [], outgoing: [], crossBorder: [] });
  });

  test("when an indicator's flows are indexed through the numbering of all flows, then every search answers as the string-keyed one", () => {
    for (const x of fg.indicators) {
      const list = fg.flowsCarrying(x);
      for (const c of fg.countries.map((y) => y.code)) {
        const ncp = fg.ncpOf(c);
        if (!ncp) continue;
        const holders = fg.holders(c, x);
        expect({ x, c, best: bestPath(list, holders, ncp) }).toEqual({
          x,
          c,
          best: referenceBestPath([...list], holders, ncp),
        });
        expect(Object.fromEntries(distancesTo(list, ncp))).toEqual(
          Object.fromEntries(referenceDistancesTo([...list], ncp)),
        );
        expect(reachableFrom(list, ncp)).toEqual(reachableFrom([...list], ncp));
      }
      expect(distancesTo(list, 'not-a-stakeholder')).toEqual(new Map([['not-a-stakeholder', 0]]));
    }
  });

  test('when the graphology graph is asked for, then it holds every stakeholder and every admitted flow', () => {
    expect(fg.graph.order).toBe(document.stakeholders.length);
    expect(fg.graph.edges()).toEqual(fg.allFlows.map((e) => e.id));
    expect(fg.graph.getNodeAttributes(document.stakeholders[0]!.id)).toBe(fg.node(document.stakeholders[0]!.id));
  });
});
