// Weakly and strongly connected components of the country graph (ANALYSIS.md §5).
import type Graph from 'graphology-types';
import { assertSimpleDirected, indexGraph, type IndexedGraph } from '../indexed-graph';

export interface ComponentCounts {
  weak: number;
  strong: number;
}

/** Numbers of weakly and strongly connected components; an isolated node is one of each, an empty graph has none. */
export function components(graph: Graph): ComponentCounts {
  assertSimpleDirected('components', graph);
  return componentsIndexed(indexGraph(graph, 'out'));
}

/**
 * The same on an index. Weak components by union-find over the slots; strong ones by our own
 * Tarjan below (graphology-components' is recursive and overflows the call stack on a path of
 * ~10,000 nodes).
 */
export function componentsIndexed(index: IndexedGraph): ComponentCounts {
  return { weak: countWeak(index), strong: countStrong(index) };
}

/** Union-find with path halving; the count is the number of roots. */
function countWeak(index: IndexedGraph): number {
  const { offsets, targets } = index;
  const n = index.nodes.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (v: number): number => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]!]!;
      v = parent[v]!;
    }
    return v;
  };
  let count = n;
  for (let u = 0; u < n; u++) {
    for (let k = offsets[u]!; k < offsets[u + 1]!; k++) {
      const a = find(u);
      const b = find(targets[k]!);
      if (a !== b) {
        parent[a] = b;
        count--;
      }
    }
  }
  return count;
}

/** Tarjan's algorithm with an explicit stack: `next[v]` is the slot of v's next successor to visit. */
function countStrong(index: IndexedGraph): number {
  const { offsets, targets } = index;
  const n = index.nodes.length;
  const order = new Int32Array(n).fill(-1); // discovery number
  const low = new Int32Array(n);
  const next = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n); // Tarjan's stack of open nodes
  const path = new Int32Array(n); // the DFS path, in place of recursion
  let counter = 0;
  let sp = 0;
  let count = 0;
  const open = (v: number): void => {
    order[v] = low[v] = counter++;
    next[v] = offsets[v]!;
    stack[sp++] = v;
    onStack[v] = 1;
  };
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    let top = 0;
    path[top] = root;
    open(root);
    while (top >= 0) {
      const v = path[top]!;
      if (next[v]! < offsets[v + 1]!) {
        const w = targets[next[v]!++]!;
        if (order[w] === -1) {
          open(w);
          path[++top] = w;
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, order[w]!);
        }
        continue;
      }
      if (low[v] === order[v]) {
        count++;
        let w: number;
        do {
          w = stack[--sp]!;
          onStack[w] = 0;
        } while (w !== v);
      }
      top--;
      if (top >= 0) {
        const parent = path[top]!;
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
    }
  }
  return count;
}
