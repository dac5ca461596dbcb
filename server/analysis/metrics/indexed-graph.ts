// Shared plumbing of the structural metrics: argument checks and a compact array index of a graph.
import type Graph from 'graphology-types';

export type Direction = 'in' | 'out';

/** The metrics take the country graph: a simple directed graph (ANALYSIS.md, "Conventions"). */
export function assertSimpleDirected(fn: string, graph: Graph): void {
  if (graph === null || typeof graph !== 'object' || typeof graph.forEachEdge !== 'function') {
    throw new Error(`${fn}: expected a graphology graph`);
  }
  if (graph.type !== 'directed') throw new Error(`${fn}: expected a directed graph, got type "${graph.type}"`);
  if (graph.multi) throw new Error(`${fn}: expected a simple graph, got a multi graph (merge parallel flows first)`);
}

export function assertNode(fn: string, graph: Graph, node: string): void {
  if (!graph.hasNode(node)) throw new Error(`${fn}: unknown node "${String(node)}"`);
}

export function assertDirection(fn: string, direction: unknown): asserts direction is Direction {
  if (direction !== 'in' && direction !== 'out') {
    throw new Error(`${fn}: direction must be "in" or "out", got ${JSON.stringify(direction) ?? String(direction)}`);
  }
}

/**
 * The graph as compressed rows: the neighbours of node i are `targets[offsets[i]]` up to (not
 * including) `targets[offsets[i + 1]]`, and `edges[k]` is the key of the edge behind slot k. Nodes
 * and edges keep the graph's iteration order, so everything computed from the index is
 * deterministic. Typed arrays instead of maps keyed by node: the centralities loop over them n times.
 */
export interface IndexedGraph {
  readonly nodes: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly edges: readonly string[];
}

/** 'out' rows list successors (edge u -> v is stored under u), 'in' rows predecessors. Self-loops are left out. */
export function indexGraph(graph: Graph, direction: Direction = 'out'): IndexedGraph {
  const nodes = graph.nodes();
  const n = nodes.length;
  const indexOf = new Map<string, number>();
  for (let i = 0; i < n; i++) indexOf.set(nodes[i]!, i);

  const offsets = new Int32Array(n + 1);
  graph.forEachEdge((_edge, _attributes, source, target) => {
    if (source === target) return;
    const next = indexOf.get(direction === 'out' ? source : target)! + 1;
    offsets[next] = offsets[next]! + 1;
  });
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i + 1]! + offsets[i]!;

  const fill = offsets.slice(0, n);
  const targets = new Int32Array(offsets[n]!);
  const edges = new Array<string>(offsets[n]!);
  graph.forEachEdge((edge, _attributes, source, target) => {
    if (source === target) return;
    const row = indexOf.get(direction === 'out' ? source : target)!;
    const slot = fill[row]!;
    fill[row] = slot + 1;
    targets[slot] = indexOf.get(direction === 'out' ? target : source)!;
    edges[slot] = edge;
  });
  return { nodes, indexOf, offsets, targets, edges };
}

/** The rows of an index turned around ('out' rows give 'in' rows): within a row, by slot order of the original. */
export function reverseRowsOf(index: IndexedGraph): { offsets: Int32Array; targets: Int32Array } {
  const { offsets, targets } = index;
  const n = index.nodes.length;
  const start = new Int32Array(n + 1);
  for (let k = 0; k < targets.length; k++) start[targets[k]! + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1] = start[i + 1]! + start[i]!;
  const fill = start.slice(0, n);
  const sources = new Int32Array(targets.length);
  for (let u = 0; u < n; u++) {
    for (let k = offsets[u]!; k < offsets[u + 1]!; k++) sources[fill[targets[k]!]!++] = u;
  }
  return { offsets: start, targets: sources };
}

/** Hop distances from `source` along the index's rows; -1 where unreachable. */
export function bfsDistances(index: IndexedGraph, source: number): Int32Array {
  const { offsets, targets } = index;
  const dist = new Int32Array(index.nodes.length).fill(-1);
  const queue = new Int32Array(index.nodes.length);
  let head = 0;
  let tail = 0;
  dist[source] = 0;
  queue[tail++] = source;
  while (head < tail) {
    const v = queue[head++]!;
    const dv = dist[v]! + 1;
    for (let k = offsets[v]!, end = offsets[v + 1]!; k < end; k++) {
      const w = targets[k]!;
      if (dist[w] === -1) {
        dist[w] = dv;
        queue[tail++] = w;
      }
    }
  }
  return dist;
}

/** Neighbours of a node in the underlying undirected simple graph (a tie if either direction exists). */
export function undirectedNeighbours(graph: Graph, node: string): string[] {
  // graphology's `neighbors` on a directed graph is the union of in- and out-neighbours, each once.
  return graph.neighbors(node).filter((other) => other !== node);
}

/**
 * The ordered pairs (u, v), u != v, with an edge u -> v: in a simple directed graph, the edges
 * minus self-loops (ANALYSIS.md "Conventions": self-loops ignored). Behind density and mean degree.
 */
export function connectedPairs(graph: Graph): number {
  let pairs = 0;
  graph.forEachEdge((_edge, _attributes, source, target) => {
    if (source !== target) pairs++;
  });
  return pairs;
}
