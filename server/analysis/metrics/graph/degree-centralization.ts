// Freeman degree centralisation of the country graph (ANALYSIS.md §5).
import type Graph from 'graphology-types';
import { assertSimpleDirected, undirectedNeighbours } from '../indexed-graph';

/**
 * On the underlying undirected simple graph (a tie if either direction exists): the sum over nodes
 * of (max degree - degree), divided by (n-1)(n-2), its value for a star; 0 when n < 3.
 */
export function degreeCentralization(graph: Graph): number {
  assertSimpleDirected('degreeCentralization', graph);
  const n = graph.order;
  if (n < 3) return 0;
  const degrees = graph.mapNodes((node) => undirectedNeighbours(graph, node).length);
  let max = 0;
  for (const d of degrees) if (d > max) max = d;
  let sum = 0;
  for (const d of degrees) sum += max - d;
  return sum / ((n - 1) * (n - 2));
}
