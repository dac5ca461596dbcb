// Mean degree of the country graph (ANALYSIS.md §5).
import type Graph from 'graphology-types';
import { assertSimpleDirected, connectedPairs } from '../indexed-graph';

/** Connected ordered pairs / n: the mean out-degree, equal to the mean in-degree; 0 when n = 0. */
export function meanDegree(graph: Graph): number {
  assertSimpleDirected('meanDegree', graph);
  const n = graph.order;
  return n === 0 ? 0 : connectedPairs(graph) / n;
}
