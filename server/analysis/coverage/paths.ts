// X-paths (ANALYSIS.md §1): the shortest paths of flows carrying one indicator from a country's
// holders to its NCP, and among the shortest, the one whose weakest link is strongest.
// Over 350 lines on purpose: the numbered edge index (typed arrays, shared dist/queue buffers) and the searches over
// it (distances, reachability, best path) depend on its layout; split, that layout would be a contract between files.
import { Frequency } from '../../model';
import { subListOf } from '../edge-lists';
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

/**
 * An edge list as numbered nodes and compressed rows, built once per list (the coverage matrix asks
 * the same indicator's flows again for every country): node i is `nodes[i]`; the flows out of i are
 * the positions `outEdges[outStart[i]] .. outEdges[outStart[i + 1] - 1]` in the list, in list order,
 * and likewise into i. `dist` and `queue` are scratch space for one search at a time: `dist` is -1
 * everywhere between searches.
 */
export interface EdgeIndex {
  readonly edges: readonly FlowEdge[];
  readonly nodes: readonly string[];
  /** The number of a stakeholder, undefined when no flow of the list touches it. */
  readonly indexOf: { get(id: string): number | undefined };
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly basis: Int8Array;
  readonly outStart: Int32Array;
  readonly outEdges: Int32Array;
  readonly inStart: Int32Array;
  readonly inEdges: Int32Array;
  readonly dist: Int32Array;
  readonly queue: Int32Array;
}

const indexes = new WeakMap<readonly FlowEdge[], EdgeIndex>();

function rows(n: number, ends: Int32Array): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(n + 1);
  for (let k = 0; k < ends.length; k++) start[ends[k]! + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1] = start[i + 1]! + start[i]!;
  const fill = start.slice(0, n);
  const list = new Int32Array(ends.length);
  for (let k = 0; k < ends.length; k++) list[fill[ends[k]!]!++] = k;
  return { start, list };
}

export function edgeIndex(edges: readonly FlowEdge[]): EdgeIndex {
  let ix = indexes.get(edges);
  if (ix) return ix;
  const sub = subListOf(edges);
  ix = sub ? numberFromParent(edges, edgeIndex(sub.parent), sub.positions) : numberAfresh(edges);
  indexes.set(edges, ix);
  return ix;
}

type Numbered = Pick<EdgeIndex, 'nodes' | 'indexOf' | 'from' | 'to' | 'basis'>;

/** Stakeholders numbered in order of first appearance in the list. */
function numberAfresh(edges: readonly FlowEdge[]): EdgeIndex {
  const indexOf = new Map<string, number>();
  const nodes: string[] = [];
  const number = (id: string): number => {
    let i = indexOf.get(id);
    if (i === undefined) {
      i = nodes.length;
      nodes.push(id);
      indexOf.set(id, i);
    }
    return i;
  };
  const m = edges.length;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const basis = new Int8Array(m);
  for (let k = 0; k < m; k++) {
    const e = edges[k]!;
    from[k] = number(e.from);
    to[k] = number(e.to);
    basis[k] = basisRank(e.basis);
  }
  return withRows(edges, { nodes, indexOf, from, to, basis });
}

/**
 * The same numbering (first appearance in the list), found through the parent list's numbers
 * instead of string look-ups: `local[g]` is the number here of the parent's node g.
 */
function numberFromParent(edges: readonly FlowEdge[], parent: EdgeIndex, positions: Int32Array): EdgeIndex {
  const local = new Int32Array(parent.nodes.length).fill(-1);
  const nodes: string[] = [];
  const m = edges.length;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const basis = new Int8Array(m);
  const number = (g: number): number => {
    let i = local[g]!;
    if (i === -1) {
      i = nodes.length;
      local[g] = i;
      nodes.push(parent.nodes[g]!);
    }
    return i;
  };
  for (let k = 0; k < m; k++) {
    const p = positions[k]!;
    from[k] = number(parent.from[p]!);
    to[k] = number(parent.to[p]!);
    basis[k] = parent.basis[p]!;
  }
  const indexOf = {
    get(id: string): number | undefined {
      const g = parent.indexOf.get(id);
      if (g === undefined) return undefined;
      const i = local[g]!;
      return i === -1 ? undefined : i;
    },
  };
  return withRows(edges, { nodes, indexOf, from, to, basis });
}

function withRows(edges: readonly FlowEdge[], numbered: Numbered): EdgeIndex {
  const n = numbered.nodes.length;
  const out = rows(n, numbered.from);
  const into = rows(n, numbered.to);
  return {
    edges, ...numbered,
    outStart: out.start, outEdges: out.list, inStart: into.start, inEdges: into.list,
    dist: new Int32Array(n).fill(-1), queue: new Int32Array(n),
  };
}

/**
 * Breadth-first search from node `source` against the flows ('in': the nodes with a path to it) or
 * along them ('out'), over the flows not marked in `skip`. Leaves hop distances in `ix.dist` and the
 * nodes found, in order of distance, in `ix.queue[0 .. count - 1]`; returns count. The caller must
 * `release` the index before the next search.
 */
function search(ix: EdgeIndex, source: number, direction: 'in' | 'out', skip?: Uint8Array): number {
  const { dist, queue } = ix;
  const start = direction === 'in' ? ix.inStart : ix.outStart;
  const list = direction === 'in' ? ix.inEdges : ix.outEdges;
  const other = direction === 'in' ? ix.from : ix.to;
  let head = 0;
  let tail = 0;
  dist[source] = 0;
  queue[tail++] = source;
  while (head < tail) {
    const v = queue[head++]!;
    const d = dist[v]! + 1;
    for (let p = start[v]!, end = start[v + 1]!; p < end; p++) {
      const k = list[p]!;
      if (skip && skip[k]) continue;
      const w = other[k]!;
      if (dist[w] === -1) {
        dist[w] = d;
        queue[tail++] = w;
      }
    }
  }
  return tail;
}

function release(ix: EdgeIndex, count: number): void {
  for (let i = 0; i < count; i++) ix.dist[ix.queue[i]!] = -1;
}

/** Hop distance of every node that has a path to `target` over `edges` (reverse breadth-first search). */
export function distancesTo(edges: readonly FlowEdge[], target: string): Map<string, number> {
  const ix = edgeIndex(edges);
  const t = ix.indexOf.get(target);
  if (t === undefined) return new Map([[target, 0]]);
  const count = search(ix, t, 'in');
  try {
    const dist = new Map<string, number>();
    for (let i = 0; i < count; i++) dist.set(ix.nodes[ix.queue[i]!]!, ix.dist[ix.queue[i]!]!);
    return dist;
  } finally {
    release(ix, count);
  }
}

/** Whether some node of `sources` other than `target` has a path to `target` over the flows of `edges` that `usable` admits. */
export function someReaches(edges: readonly FlowEdge[], sources: readonly string[], target: string, usable: (e: FlowEdge) => boolean = () => true): boolean {
  const ix = edgeIndex(edges);
  const t = ix.indexOf.get(target);
  if (t === undefined) return false;
  const skip = new Uint8Array(edges.length);
  for (let k = 0; k < edges.length; k++) if (!usable(edges[k]!)) skip[k] = 1;
  const count = search(ix, t, 'in', skip);
  try {
    return sources.some((s) => {
      const i = ix.indexOf.get(s);
      return s !== target && i !== undefined && ix.dist[i] !== -1;
    });
  } finally {
    release(ix, count);
  }
}

const towards = new WeakMap<readonly FlowEdge[], Map<string, readonly FlowEdge[]>>();

/**
 * The flows that can lie on a path to `target`: both ends have a path to it. Analyses of paths into
 * one NCP need nothing else, and on a large region this is a small part of an indicator's flows.
 * Memoised per list and target; the same (read-only) array is returned again.
 */
export function flowsTowards(edges: readonly FlowEdge[], target: string): readonly FlowEdge[] {
  let byTarget = towards.get(edges);
  if (!byTarget) towards.set(edges, (byTarget = new Map<string, readonly FlowEdge[]>()));
  let found = byTarget.get(target);
  if (found) return found;
  const ix = edgeIndex(edges);
  const t = ix.indexOf.get(target);
  if (t === undefined) found = [];
  else {
    const count = search(ix, t, 'in');
    try {
      found = edges.filter((_e, k) => ix.dist[ix.from[k]!] !== -1 && ix.dist[ix.to[k]!] !== -1);
    } finally {
      release(ix, count);
    }
  }
  byTarget.set(target, found);
  return found;
}

/** Every node reachable from `source` over `edges` (forward breadth-first search), source included. */
export function reachableFrom(edges: readonly FlowEdge[], source: string): Set<string> {
  const ix = edgeIndex(edges);
  const s = ix.indexOf.get(source);
  if (s === undefined) return new Set([source]);
  const count = search(ix, s, 'out');
  try {
    const seen = new Set<string>();
    for (let i = 0; i < count; i++) seen.add(ix.nodes[ix.queue[i]!]!);
    return seen;
  } finally {
    release(ix, count);
  }
}

/** Whether a node other than `source` that `test` accepts is reachable from `source` over `edges`. */
export function reachesAny(edges: readonly FlowEdge[], source: string, test: (id: string) => boolean): boolean {
  const ix = edgeIndex(edges);
  const s = ix.indexOf.get(source);
  if (s === undefined) return false;
  const count = search(ix, s, 'out');
  try {
    for (let i = 1; i < count; i++) if (test(ix.nodes[ix.queue[i]!]!)) return true;
    return false;
  } finally {
    release(ix, count);
  }
}

/** Flow a before flow b: by the node it leads to, then by id. */
const byNextThenId = (a: FlowEdge, b: FlowEdge) => (a.to < b.to ? -1 : a.to > b.to ? 1 : a.id < b.id ? -1 : 1);

/**
 * The best X-path from any of `holders` to `ncp`: fewest hops; among those, the strongest weakest
 * basis (informal < project < agreement < statutory); remaining ties by holder id, then next-node
 * id, then flow id. Undefined when no holder has a path.
 */
export function bestPath(edges: readonly FlowEdge[], holders: readonly string[], ncp: string): BestPath | undefined {
  const ix = edgeIndex(edges);
  const t = ix.indexOf.get(ncp);
  if (t === undefined) return undefined;
  const count = search(ix, t, 'in');
  try {
    return bestFromSearch(ix, count, holders, ncp, t);
  } finally {
    release(ix, count);
  }
}

function bestFromSearch(ix: EdgeIndex, count: number, holders: readonly string[], ncp: string, t: number): BestPath | undefined {
  const { dist, queue, outStart, outEdges, to, basis, edges } = ix;
  let hops = Infinity;
  const reaching: Array<{ id: string; i: number }> = [];
  for (const h of holders) {
    const i = ix.indexOf.get(h);
    if (h === ncp || i === undefined || dist[i] === -1) continue;
    reaching.push({ id: h, i });
    if (dist[i]! < hops) hops = dist[i]!;
  }
  if (!reaching.length) return undefined;

  // best(v): the strongest weakest basis over shortest paths from v to the NCP, by increasing
  // distance (the search found nodes in that order). Steps along shortest paths only: v -> w with
  // dist(w) = dist(v) - 1; every such w is nearer, so its value is known.
  const best = new Map<number, number>([[t, NONE]]);
  for (let q = 1; q < count; q++) {
    const v = queue[q]!;
    const dv = dist[v]!;
    if (dv > hops) break;
    let value = -1;
    for (let p = outStart[v]!, end = outStart[v + 1]!; p < end; p++) {
      const k = outEdges[p]!;
      const w = to[k]!;
      if (dist[w] !== dv - 1) continue;
      value = Math.max(value, Math.min(basis[k]!, best.get(w) ?? -1));
    }
    best.set(v, value);
  }
  let chosen: { id: string; i: number } | undefined;
  for (const h of reaching) {
    if (dist[h.i] !== hops) continue;
    if (!chosen) chosen = h;
    else {
      const a = best.get(h.i)!;
      const b = best.get(chosen.i)!;
      if (a > b || (a === b && h.id < chosen.id)) chosen = h;
    }
  }
  const holder = chosen!.id;
  const target = best.get(chosen!.i)!;

  const path = [holder];
  const used: FlowEdge[] = [];
  let v = chosen!.i;
  while (v !== t) {
    let step: FlowEdge | undefined;
    let next = -1;
    for (let p = outStart[v]!, end = outStart[v + 1]!; p < end; p++) {
      const k = outEdges[p]!;
      const w = to[k]!;
      if (dist[w] !== dist[v]! - 1 || basis[k]! < target || (best.get(w) ?? -1) < target) continue;
      if (!step || byNextThenId(edges[k]!, step) < 0) {
        step = edges[k]!;
        next = w;
      }
    }
    used.push(step!);
    path.push(step!.to);
    v = next;
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
