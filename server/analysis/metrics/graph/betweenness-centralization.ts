// Freeman betweenness centralisation of the country graph (ANALYSIS.md §5).
import type Graph from 'graphology-types';
import { betweenness } from '../centrality/betweenness';
import { assertSimpleDirected } from '../indexed-graph';

/**
 * The sum over nodes of (max - value) of the normalised directed betweenness, divided by n-1, the
 * value of that sum for a star with flows both ways (centre 1, leaves 0); 0 when n < 2.
 */
export function betweennessCentralization(graph: Graph, precomputed?: Readonly<Record<string, number>>): number {
  assertSimpleDirected('betweennessCentralization', graph);
  const n = graph.order;
  if (n < 2) return 0;
  // Callers that already have the normalised betweenness pass it in: Brandes is the costly part.
  return betweennessCentralizationOf(Object.values(precomputed ?? betweenness(graph)), n);
}

/** The same from the normalised betweenness values of the n nodes, summed in the order given. */
export function betweennessCentralizationOf(values: readonly number[], n: number): number {
  if (n < 2) return 0;
  let max = 0;
  for (const v of values) if (v > max) max = v;
  let sum = 0;
  for (const v of values) sum += max - v;
  return sum / (n - 1);
}
