// Reference implementations for the fast analysis code paths: the straightforward versions they
// replaced (string-keyed maps for X-paths; Brandes scanning every row twice), kept to check that the
// fast ones answer the same, to the last bit.
import { Frequency } from '../../../server/model';
import { basisRank, type FlowEdge } from '../../../server/analysis/flow-graph';
import type { BestPath } from '../../../server/analysis/coverage/paths';
import type { IndexedGraph } from '../../../server/analysis/metrics';

const FREQUENCY_RANK = Object.fromEntries(Frequency.options.map((f, i) => [f, i])) as Record<string, number>;
const BASES = ['informal', 'project', 'agreement', 'statutory'] as const;
/** Stronger than any basis: the NCP's own "link" to itself. */
const NONE = BASES.length;

// Adjacency of an edge list, built once per list: the coverage matrix asks the same indicator's
// flows again for every country.
const indexes = new WeakMap<readonly FlowEdge[], { from: Map<string, FlowEdge[]>; to: Map<string, FlowEdge[]> }>();

function index(edges: readonly FlowEdge[], key: 'from' | 'to'): Map<string, FlowEdge[]> {
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
export function referenceDistancesTo(edges: readonly FlowEdge[], target: string): Map<string, number> {
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
 * The best X-path from any of `holders` to `ncp`: fewest hops; among those, the strongest weakest
 * basis (informal < project < agreement < statutory); remaining ties by holder id, then next-node
 * id, then flow id. Undefined when no holder has a path.
 */
export function referenceBestPath(
  edges: readonly FlowEdge[],
  holders: readonly string[],
  ncp: string,
): BestPath | undefined {
  const dist = referenceDistancesTo(edges, ncp);
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
    holder,
    hops,
    path,
    flows,
    weakestBasis: BASES[target]!,
    ...(frequencies.length
      ? { slowestFrequency: frequencies.reduce((a, b) => (FREQUENCY_RANK[b]! > FREQUENCY_RANK[a]! ? b : a)) }
      : {}),
    ...(latencies.length ? { latencyDays: latencies.reduce((a, b) => a + b, 0) } : {}),
  };
}

export function referenceBrandes(index: IndexedGraph): { node: Float64Array; edge: Float64Array } {
  const { offsets, targets } = index;
  const n = index.nodes.length;
  const node = new Float64Array(n);
  const edge = new Float64Array(targets.length);
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n); // BFS order; read backwards it is the stack of the paper

  for (let s = 0; s < n; s++) {
    let head = 0;
    let tail = 0;
    dist[s] = 0;
    sigma[s] = 1;
    order[tail++] = s;
    while (head < tail) {
      const v = order[head++]!;
      const next = dist[v]! + 1;
      const sv = sigma[v]!;
      for (let k = offsets[v]!, end = offsets[v + 1]!; k < end; k++) {
        const w = targets[k]!;
        if (dist[w] === -1) {
          dist[w] = next;
          order[tail++] = w;
        }
        if (dist[w] === next) sigma[w] = sigma[w]! + sv;
      }
    }

    for (let i = tail - 1; i >= 0; i--) {
      const w = order[i]!;
      const next = dist[w]! + 1;
      const sw = sigma[w]!;
      let dw = 0;
      for (let k = offsets[w]!, end = offsets[w + 1]!; k < end; k++) {
        const x = targets[k]!;
        if (dist[x] !== next) continue;
        const c = (sw / sigma[x]!) * (1 + delta[x]!);
        edge[k] = edge[k]! + c;
        dw += c;
      }
      delta[w] = dw;
      if (w !== s) node[w] = node[w]! + dw;
    }

    // Reset only what this source touched, so a source in a small component costs little.
    for (let i = 0; i < tail; i++) {
      const v = order[i]!;
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
  return { node, edge };
}
