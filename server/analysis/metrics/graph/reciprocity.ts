// Reciprocity of the country graph (ANALYSIS.md §5).
import type Graph from 'graphology-types';
import { assertSimpleDirected, indexGraph, reverseRowsOf, type IndexedGraph } from '../indexed-graph';

/**
 * The share of connected ordered pairs (u, v) whose reverse (v, u) is connected too; 0 when there
 * is no edge. NetworkX's `overall_reciprocity` on a graph without self-loops.
 */
export function reciprocity(graph: Graph): number {
  assertSimpleDirected('reciprocity', graph);
  return reciprocityIndexed(indexGraph(graph));
}

/** The same on an index: for each u, its successors are marked, and its predecessors found marked are the answered pairs. */
export function reciprocityIndexed(index: IndexedGraph): number {
  const { offsets, targets } = index;
  const n = index.nodes.length;
  const pairs = targets.length;
  const into = reverseRowsOf(index);
  const mark = new Int32Array(n).fill(-1);
  let reciprocated = 0;
  for (let u = 0; u < n; u++) {
    for (let k = offsets[u]!; k < offsets[u + 1]!; k++) mark[targets[k]!] = u;
    for (let k = into.offsets[u]!; k < into.offsets[u + 1]!; k++) if (mark[into.targets[k]!] === u) reciprocated++;
  }
  return pairs === 0 ? 0 : reciprocated / pairs;
}
