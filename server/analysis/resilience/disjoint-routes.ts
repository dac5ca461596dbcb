// Vertex-disjoint routes from a set of sources to one target (ANALYSIS.md §6): max-flow on the
// split-node graph, every stakeholder of capacity 1, the sources joined to a virtual source.
export interface DisjointRoutesInput {
  /** Directed edges; parallel edges and self-loops allowed (they change nothing). */
  edges: ReadonlyArray<{ from: string; to: string }>;
  /** Where routes may start (the holders); the target among them is ignored. */
  sources: readonly string[];
  target: string;
  /** Stop once this many routes are found (the answer is then at least `limit`, and `cut` is empty). */
  limit?: number;
}

export interface DisjointRoutes {
  /** The largest number of source -> target paths that share no node (the target excepted). */
  routes: number;
  /** One smallest set of nodes (target excluded, sources allowed) whose removal leaves no path: the one nearest the sources. Sorted. */
  cut: string[];
  /**
   * The nodes v from which one more route would start if an edge v -> target were added (the out-copy of v is reachable
   * from the virtual source in the residual graph: the same set for every maximum flow). Empty when `limit` stopped the search.
   */
  extendable: Set<string>;
}

const UNLIMITED = 1 << 30;

/** The same question on numbered nodes 0 .. nodes - 1 (no string keys): what the plans ask per step. */
export interface NumberedRoutesInput {
  nodes: number;
  /** Edge k is from[k] -> to[k] for k < edges; parallel edges and self-loops allowed. */
  from: Int32Array;
  to: Int32Array;
  edges: number;
  sources: ArrayLike<number>;
  target: number;
  limit?: number;
}

export interface NumberedRoutes {
  routes: number;
  /** False when `limit` stopped the search: the marks below are then all 0. */
  complete: boolean;
  /** Per node, 1 when its in-copy (inReached) or out-copy (outReached) is reachable from the virtual source in the final residual graph. */
  inReached: Uint8Array;
  outReached: Uint8Array;
}

/**
 * Edmonds–Karp on the split graph: node i becomes in(i) = 2i and out(i) = 2i + 1 joined by an arc of
 * capacity 1; an edge u -> v becomes out(u) -> in(v) and each source s becomes S -> in(s), both of
 * unlimited capacity, so that a minimum cut consists of node arcs only. The target's own arc is never
 * used: routes end at in(target). Each augmentation adds one route, so the cost is O(routes x (V + E)).
 */
export function numberedDisjointRoutes(input: NumberedRoutesInput): NumberedRoutes {
  const { nodes: n, from, to, edges, target: t } = input;
  const limit = input.limit ?? Infinity;
  const seen = new Uint8Array(n);
  const starts: number[] = [];
  for (let i = 0; i < input.sources.length; i++) {
    const s = input.sources[i]!;
    if (s === t || seen[s]) continue;
    seen[s] = 1;
    starts.push(s);
  }
  let pairs = 0;
  for (let k = 0; k < edges; k++) if (from[k] !== to[k] && from[k] !== t) pairs++; // nothing leaves the target on a route
  const S = 2 * n;
  const size = S + 1;
  // Arcs in pairs (k, k ^ 1: forward and its reverse): head, tail and residual capacity.
  const m = 2 * (n + pairs + starts.length);
  const head = new Int32Array(m);
  const tail = new Int32Array(m);
  const residual = new Int32Array(m);
  let arcs = 0;
  const arc = (a: number, b: number, c: number) => {
    head[arcs] = b;
    tail[arcs] = a;
    residual[arcs++] = c;
    head[arcs] = a;
    tail[arcs] = b;
    residual[arcs++] = 0;
  };
  for (let i = 0; i < n; i++) if (i !== t) arc(2 * i, 2 * i + 1, 1);
  // Parallel edges stay: with unlimited capacity they change neither the flow nor the cut.
  for (let k = 0; k < edges; k++) if (from[k] !== to[k] && from[k] !== t) arc(2 * from[k]! + 1, 2 * to[k]!, UNLIMITED);
  for (const s of starts) arc(S, 2 * s, UNLIMITED);
  // Compressed adjacency of every arc (both directions) by tail.
  const offsets = new Int32Array(size + 1);
  for (let k = 0; k < arcs; k++) offsets[tail[k]! + 1]!++;
  for (let v = 0; v < size; v++) offsets[v + 1] = offsets[v + 1]! + offsets[v]!;
  const fill = offsets.slice(0, size);
  const out = new Int32Array(arcs);
  for (let k = 0; k < arcs; k++) out[fill[tail[k]!]!++] = k;

  const sink = 2 * t;
  const via = new Int32Array(size);
  const queue = new Int32Array(size);
  /** Breadth-first search over arcs with residual capacity; `via[v]` is the arc it was reached by (-1: not reached). */
  const search = (): boolean => {
    via.fill(-1);
    via[S] = arcs;
    let qh = 0;
    let qt = 0;
    queue[qt++] = S;
    while (qh < qt) {
      const v = queue[qh++]!;
      for (let p = offsets[v]!, end = offsets[v + 1]!; p < end; p++) {
        const k = out[p]!;
        const w = head[k]!;
        if (residual[k]! <= 0 || via[w] !== -1) continue;
        via[w] = k;
        if (w === sink) return true;
        queue[qt++] = w;
      }
    }
    return false;
  };

  let routes = 0;
  while (routes < limit && search()) {
    // Every route passes at least one node arc of capacity 1 (sources are never the target), so each augments by 1.
    for (let v = sink; v !== S; v = tail[via[v]!]!) {
      const k = via[v]!;
      residual[k] = residual[k]! - 1;
      residual[k ^ 1] = residual[k ^ 1]! + 1;
    }
    routes++;
  }
  const inReached = new Uint8Array(n);
  const outReached = new Uint8Array(n);
  if (routes >= limit) return { routes, complete: false, inReached, outReached };
  // The last search failed: `via` marks what the virtual source still reaches.
  for (let i = 0; i < n; i++) {
    if (via[2 * i] !== -1) inReached[i] = 1;
    if (via[2 * i + 1] !== -1) outReached[i] = 1;
  }
  return { routes, complete: true, inReached, outReached };
}

export function disjointRoutes(input: DisjointRoutesInput): DisjointRoutes {
  const { edges, sources, target } = input;
  const indexOf = new Map<string, number>();
  const ids: string[] = [];
  const number = (id: string) => {
    let i = indexOf.get(id);
    if (i === undefined) {
      i = ids.push(id) - 1;
      indexOf.set(id, i);
    }
    return i;
  };
  const t = number(target);
  const starts: number[] = [];
  for (const s of sources) starts.push(number(s));
  const from = new Int32Array(edges.length);
  const to = new Int32Array(edges.length);
  for (let k = 0; k < edges.length; k++) {
    from[k] = number(edges[k]!.from);
    to[k] = number(edges[k]!.to);
  }
  const r = numberedDisjointRoutes({
    nodes: ids.length,
    from,
    to,
    edges: edges.length,
    sources: starts,
    target: t,
    ...(input.limit !== undefined ? { limit: input.limit } : {}),
  });
  if (!r.complete) return { routes: r.routes, cut: [], extendable: new Set() };
  const cut: string[] = [];
  const extendable = new Set<string>();
  for (let i = 0; i < ids.length; i++) {
    if (i === t) continue;
    if (r.inReached[i] && !r.outReached[i]) cut.push(ids[i]!);
    if (r.outReached[i]) extendable.add(ids[i]!);
  }
  cut.sort();
  return { routes: r.routes, cut, extendable };
}
