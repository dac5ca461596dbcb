// Mean degree of the country graph (ANALYSIS.md §5).
import type Graph from 'graphology-types';
import { assertSimpleDirected, indexGraph, type IndexedGraph } from '../indexed-graph';

/** Connected ordered pairs / n: the mean out-degree, equal to the mean in-degree; 0 when n = 0. */
export function meanDegree(graph: Graph): number {
  assertSimpleDirected('meanDegree', graph);
  return meanDegreeIndexed(indexGraph(graph));
}

/** The same on an index (every slot is a connected pair). */
export function meanDegreeIndexed(index: IndexedGraph): number {
  const n = index.nodes.length;
  return n === 0 ? 0 : index.targets.length / n;
}
