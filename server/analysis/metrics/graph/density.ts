// Density of the country graph (ANALYSIS.md §5).
import type Graph from 'graphology-types';
import { assertSimpleDirected, indexGraph, type IndexedGraph } from '../indexed-graph';

/** Connected ordered pairs / n(n-1); 0 when n < 2. */
export function density(graph: Graph): number {
  assertSimpleDirected('density', graph);
  return densityIndexed(indexGraph(graph));
}

/** The same on an index (its rows leave self-loops out: every slot is a connected pair). */
export function densityIndexed(index: IndexedGraph): number {
  const n = index.nodes.length;
  return n < 2 ? 0 : index.targets.length / (n * (n - 1));
}
