// Graphs for the metric tests: a terse builder for hand-made ones and a seeded country-like generator.
import { DirectedGraph } from 'graphology';
import type { StakeholderNode } from '../../../server/analysis/flow-graph';
import { mulberry32 } from '../../support/random';

export type StakeholderAttributes = StakeholderNode;
export type CountryGraph = DirectedGraph<StakeholderAttributes, { flows: string[] }>;

const node = (id: string, sector: string): StakeholderAttributes => ({
  id,
  name: id.toUpperCase(),
  country: 'XA',
  type: sector,
  sector,
  ncp: false,
});

/**
 * `digraph('a>b b<>c', { sectors: { a: 'police' }, isolated: ['z'] })`: `a>b` is a flow a -> b,
 * `b<>c` flows both ways. Edge keys are `from->to`, as in the country graph; sectors default to 'other'.
 */
export function digraph(
  edges: string,
  more: { sectors?: Record<string, string>; isolated?: string[] } = {},
): CountryGraph {
  const g: CountryGraph = new DirectedGraph({ allowSelfLoops: false });
  const sectors = more.sectors ?? {};
  const ensure = (id: string) => {
    if (!g.hasNode(id)) g.addNode(id, node(id, sectors[id] ?? 'other'));
  };
  const add = (from: string, to: string) => {
    ensure(from);
    ensure(to);
    g.addDirectedEdgeWithKey(`${from}->${to}`, from, to, { flows: [`f-${from}-${to}`] });
  };
  for (const token of edges.split(/\s+/).filter(Boolean)) {
    const both = token.split('<>');
    const one = token.split('>');
    if (both.length === 2) {
      add(both[0]!, both[1]!);
      add(both[1]!, both[0]!);
    } else if (one.length === 2) {
      add(one[0]!, one[1]!);
    } else {
      throw new Error(`digraph: cannot read "${token}"`);
    }
  }
  for (const id of [...Object.keys(sectors), ...(more.isolated ?? [])]) ensure(id);
  return g;
}

/** A seeded generator, so the "random" graphs are the same on every run. */
export const seeded = mulberry32;

export const SECTORS = ['law_enforcement', 'justice', 'social', 'health', 'education', 'migration', 'civil_society'];

/**
 * A country-like graph: one large weak component with a few hubs (many flows in and out), flows
 * mostly within a sector, about a tenth of them answered by a reverse flow, a few chains (long
 * distances), several small clusters (more weak components, some with cycles) and isolated nodes.
 * Nodes are inserted in a shuffled order, so node order and id order differ.
 */
export function countryLikeGraph(seed: number, size = { main: 260, clusters: 8, isolated: 8 }): CountryGraph {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const ids: string[] = [];
  const sector = new Map<string, string>();
  const fresh = () => {
    const id = `s${String(ids.length).padStart(4, '0')}`;
    ids.push(id);
    sector.set(id, pick(SECTORS));
    return id;
  };
  const edges = new Set<string>();
  const flow = (from: string, to: string, reciprocal = 0.1) => {
    if (from === to) return;
    edges.add(`${from}>${to}`);
    if (random() < reciprocal) edges.add(`${to}>${from}`);
  };

  const main = Array.from({ length: size.main }, fresh);
  const hubs = main.slice(0, 4);
  for (const h of hubs) {
    for (let k = 0; k < 25; k++) flow(h, pick(main), 0.3);
    for (let k = 0; k < 25; k++) flow(pick(main), h, 0.3);
  }
  for (const v of main.slice(4)) {
    const out = 1 + Math.floor(random() * 3);
    for (let k = 0; k < out; k++) {
      if (random() < 0.2) {
        flow(v, pick(hubs));
        continue;
      }
      const same = main.filter((w) => sector.get(w) === sector.get(v));
      flow(v, random() < 0.6 ? pick(same) : pick(main));
    }
  }
  for (let c = 0; c < 4; c++) {
    const chain = Array.from({ length: 6 }, fresh);
    flow(pick(main), chain[0]!, 0);
    for (let k = 0; k + 1 < chain.length; k++) flow(chain[k]!, chain[k + 1]!, 0.1);
    flow(chain[chain.length - 1]!, pick(main), 0);
  }
  for (let c = 0; c < size.clusters; c++) {
    const cluster = Array.from({ length: 3 + Math.floor(random() * 6) }, fresh);
    for (let k = 1; k < cluster.length; k++) flow(pick(cluster.slice(0, k)), cluster[k]!, 0.3);
    if (c % 2 === 0) flow(cluster[cluster.length - 1]!, cluster[0]!, 0); // a cycle
  }
  for (let k = 0; k < size.isolated; k++) fresh();

  const g: CountryGraph = new DirectedGraph({ allowSelfLoops: false });
  const order = [...ids];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (const id of order) g.addNode(id, { ...node(id, sector.get(id)!), ncp: id === hubs[0] });
  for (const e of edges) {
    const [from, to] = e.split('>') as [string, string];
    g.addDirectedEdgeWithKey(`${from}->${to}`, from, to, { flows: [`f-${from}-${to}`] });
  }
  return g;
}

/** A uniformly random simple directed graph with `n` nodes and `m` edges (for timings). */
export function randomGraph(seed: number, n: number, m: number): CountryGraph {
  const random = seeded(seed);
  const g: CountryGraph = new DirectedGraph({ allowSelfLoops: false });
  for (let i = 0; i < n; i++) g.addNode(`n${i}`, node(`n${i}`, SECTORS[i % SECTORS.length]!));
  while (g.size < m) {
    const from = `n${Math.floor(random() * n)}`;
    const to = `n${Math.floor(random() * n)}`;
    if (from !== to && !g.hasEdge(from, to)) g.addDirectedEdgeWithKey(`${from}->${to}`, from, to, { flows: [] });
  }
  return g;
}
