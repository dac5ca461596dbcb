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

/**
 * Edmonds–Karp on the split graph: node i becomes in(i) = 2i and out(i) = 2i + 1 joined by an arc of
 * capacity 1; an edge u -> v becomes out(u) -> in(v) and each source s becomes S -> in(s), both of
 * unlimited capacity, so that a minimum cut consists of node arcs only. The target's own arc is never
 * used: routes end at in(target). Each augmentation adds one route, so the cost is O(routes x (V + E)).
 */
export function disjointRoutes(input: DisjointRoutesInput): DisjointRoutes {
  const { edges, sources, target } = input;
  const limit = input.limit ?? Infinity;
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
  for (const s of new Set(sources)) if (s !== target) starts.push(number(s));
  // Edges as numbered pairs; parallel edges stay (with unlimited capacity they change neither the flow nor the cut).
  const us = new Int32Array(edges.length);
  const vs = new Int32Array(edges.length);
  let pairs = 0;
  for (const e of edges) {
    if (e.from === e.to || e.from === target) continue; // nothing leaves the target on a route
    us[pairs] = number(e.from);
    vs[pairs++] = number(e.to);
  }
  const n = ids.length;
  const S = 2 * n;
  const nodes = S + 1;
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
  for (let k = 0; k < pairs; k++) arc(2 * us[k]! + 1, 2 * vs[k]!, UNLIMITED);
  for (const s of starts) arc(S, 2 * s, UNLIMITED);
  // Compressed adjacency of every arc (both directions) by tail.
  const offsets = new Int32Array(nodes + 1);
  for (let k = 0; k < arcs; k++) offsets[tail[k]! + 1]!++;
  for (let v = 0; v < nodes; v++) offsets[v + 1] = offsets[v + 1]! + offsets[v]!;
  const fill = offsets.slice(0, nodes);
  const out = new Int32Array(arcs);
  for (let k = 0; k < arcs; k++) out[fill[tail[k]!]!++] = k;

  const sink = 2 * t;
  const via = new Int32Array(nodes);
  const queue = new Int32Array(nodes);
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
  if (routes >= limit) return { routes, cut: [], extendable: new Set() };
  // The last search failed: `via` marks what the virtual source still reaches.
  const cut: string[] = [];
  const extendable = new Set<string>();
  for (let i = 0; i < n; i++) {
    if (i === t) continue;
    if (via[2 * i] !== -1 && via[2 * i + 1] === -1) cut.push(ids[i]!);
    if (via[2 * i + 1] !== -1) extendable.add(ids[i]!);
  }
  cut.sort();
  return { routes, cut, extendable };
}
