// Freeman degree centralisation of the country graph (ANALYSIS.md §5).
import type Graph from 'graphology-types';
import { assertSimpleDirected, indexGraph, reverseRowsOf, type IndexedGraph } from '../indexed-graph';

/**
 * On the underlying undirected simple graph (a tie if either direction exists): the sum over nodes
 * of (max degree - degree), divided by (n-1)(n-2), its value for a star; 0 when n < 3.
 */
export function degreeCentralization(graph: Graph): number {
  assertSimpleDirected('degreeCentralization', graph);
  return degreeCentralizationIndexed(indexGraph(graph));
}

/** The same on an index: a node's undirected degree is its successors and predecessors, each once. */
export function degreeCentralizationIndexed(index: IndexedGraph): number {
  const { offsets, targets } = index;
  const n = index.nodes.length;
  if (n < 3) return 0;
  const into = reverseRowsOf(index);
  const mark = new Int32Array(n).fill(-1);
  const degrees = new Int32Array(n);
  for (let u = 0; u < n; u++) {
    let d = 0;
    for (let k = offsets[u]!; k < offsets[u + 1]!; k++) {
      mark[targets[k]!] = u;
      d++;
    }
    for (let k = into.offsets[u]!; k < into.offsets[u + 1]!; k++) if (mark[into.targets[k]!] !== u) d++;
    degrees[u] = d;
  }
  let max = 0;
  for (const d of degrees) if (d > max) max = d;
  let sum = 0;
  for (const d of degrees) sum += max - d;
  return sum / ((n - 1) * (n - 2));
}
