// Density of the country graph (ANALYSIS.md §5).
import type Graph from 'graphology-types';
import { assertSimpleDirected, connectedPairs } from '../indexed-graph';

/** Connected ordered pairs / n(n-1); 0 when n < 2. */
export function density(graph: Graph): number {
  assertSimpleDirected('density', graph);
  const n = graph.order;
  return n < 2 ? 0 : connectedPairs(graph) / (n * (n - 1));
}
