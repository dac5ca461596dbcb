// X-paths (ANALYSIS.md §1): the shortest paths of flows carrying one indicator from a country's
// holders to its NCP, and among the shortest, the one whose weakest link is strongest.
import { Frequency } from '../../model';
import { basisRank, type FlowEdge } from '../flow-graph';

export interface BestPath {
  holder: string;
  hops: number;
  /** Stakeholder ids from the holder to the NCP. */
  path: string[];
  /** Flow ids along the path. */
  flows: string[];
  weakestBasis: FlowEdge['basis'];
  slowestFrequency?: FlowEdge['frequency'];
  latencyDays?: number;
}

const FREQUENCY_RANK = Object.fromEntries(Frequency.options.map((f, i) => [f, i])) as Record<string, number>;
const BASES = ['informal', 'project', 'agreement', 'statutory'] as const;
/** Stronger than any basis: the NCP's own "link" to itself. */
const NONE = BASES.length;

// Adjacency of an edge list, built once per list: the coverage matrix asks the same indicator's
// flows again for every country.
const indexes = new WeakMap<readonly FlowEdge[], { from: Map<string, FlowEdge[]>; to: Map<string, FlowEdge[]> }>();

export function index(edges: readonly FlowEdge[], key: 'from' | 'to'): Map<string, FlowEdge[]> {
  let cached = indexes.get(edges);
  if (!cached) {
    cached = { from: new Map(), to: new Map() };
    for (const e of edges) {
      for (const k of ['from', 'to'] as const) {
        const list = cached[k].get(e[k]);
        if (list) list.push(e);
        else cached[k].set(e[k], [e]);
      }
    }
    indexes.set(edges, cached);
  }
  return cached[key];
}

/** Hop distance of every node that has a path to `target` over `edges` (reverse breadth-first search). */
export function distancesTo(edges: readonly FlowEdge[], target: string): Map<string, number> {
  const incoming = index(edges, 'to');
  const dist = new Map<string, number>([[target, 0]]);
  const queue = [target];
  for (let i = 0; i < queue.length; i++) {
    const w = queue[i]!;
    const d = dist.get(w)!;
    for (const e of incoming.get(w) ?? []) {
      if (!dist.has(e.from)) {
        dist.set(e.from, d + 1);
        queue.push(e.from);
      }
    }
  }
  return dist;
}

/**
 * The flows that can lie on a path to `target`: both ends have a path to it. Analyses of paths into
 * one NCP need nothing else, and on a large region this is a small part of an indicator's flows.
 */
export function flowsTowards(edges: readonly FlowEdge[], target: string): FlowEdge[] {
  const dist = distancesTo(edges, target);
  return edges.filter((e) => dist.has(e.from) && dist.has(e.to));
}

/** Every node reachable from `source` over `edges` (forward breadth-first search), source included. */
export function reachableFrom(edges: readonly FlowEdge[], source: string): Set<string> {
  const outgoing = index(edges, 'from');
  const seen = new Set([source]);
  const queue = [source];
  for (let i = 0; i < queue.length; i++) {
    for (const e of outgoing.get(queue[i]!) ?? []) {
      if (!seen.has(e.to)) {
        seen.add(e.to);
        queue.push(e.to);
      }
    }
  }
  return seen;
}

/**
 * The best X-path from any of `holders` to `ncp`: fewest hops; among those, the strongest weakest
 * basis (informal < project < agreement < statutory); remaining ties by holder id, then next-node
 * id, then flow id. Undefined when no holder has a path.
 */
export function bestPath(edges: readonly FlowEdge[], holders: readonly string[], ncp: string): BestPath | undefined {
  const dist = distancesTo(edges, ncp);
  const reaching = holders.filter((h) => dist.has(h) && h !== ncp);
  if (!reaching.length) return undefined;
  const hops = Math.min(...reaching.map((h) => dist.get(h)!));
  const outgoing = index(edges, 'from');
  // Steps along shortest paths only: v -> w with dist(w) = dist(v) - 1.
  const steps = (v: string) => (outgoing.get(v) ?? []).filter((e) => dist.get(e.to) === dist.get(v)! - 1);

  // best(v): the strongest weakest basis over shortest paths from v to the NCP, by increasing distance.
  const best = new Map<string, number>([[ncp, NONE]]);
  const byDistance = [...dist.entries()].filter(([, d]) => d > 0 && d <= hops).sort((a, b) => a[1] - b[1]);
  for (const [v] of byDistance) {
    let value = -1;
    for (const e of steps(v)) value = Math.max(value, Math.min(basisRank(e.basis), best.get(e.to) ?? -1));
    best.set(v, value);
  }
  const holder = reaching
    .filter((h) => dist.get(h) === hops)
    .sort((a, b) => best.get(b)! - best.get(a)! || (a < b ? -1 : 1))[0]!;
  const target = best.get(holder)!;

  const path = [holder];
  const used: FlowEdge[] = [];
  let v = holder;
  while (v !== ncp) {
    const step = steps(v)
      .filter((e) => basisRank(e.basis) >= target && (best.get(e.to) ?? -1) >= target)
      .sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : a.id < b.id ? -1 : 1))[0]!;
    used.push(step);
    path.push(step.to);
    v = step.to;
  }
  const flows = used.map((e) => e.id);
  const frequencies = used.flatMap((e) => (e.frequency ? [e.frequency] : []));
  const latencies = used.flatMap((e) => (e.latencyDays !== undefined ? [e.latencyDays] : []));
  return {
    holder, hops, path, flows,
    weakestBasis: BASES[target]!,
    ...(frequencies.length ? { slowestFrequency: frequencies.reduce((a, b) => (FREQUENCY_RANK[b]! > FREQUENCY_RANK[a]! ? b : a)) } : {}),
    ...(latencies.length ? { latencyDays: latencies.reduce((a, b) => a + b, 0) } : {}),
  };
}
