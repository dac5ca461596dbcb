// Harmonic in- and out-closeness of one stakeholder within the country graph (ANALYSIS.md §4).
import type Graph from 'graphology-types';
import {
  assertDirection,
  assertNode,
  assertSimpleDirected,
  bfsDistances,
  indexGraph,
  type Direction,
} from '../indexed-graph';

/**
 * ANALYSIS.md §4: the sum of 1/d over the other n-1 nodes, divided by n-1 (0 when n < 2); d is the
 * distance from the other node to `node` for 'in', from `node` to it for 'out'; unreachable nodes
 * add 0. 'in' is NetworkX's `harmonic_centrality(G)[node] / (n-1)`, 'out' the same on `G.reverse()`.
 */
export function harmonicCloseness(graph: Graph, node: string, direction: Direction): number {
  assertSimpleDirected('harmonicCloseness', graph);
  assertNode('harmonicCloseness', graph, node);
  assertDirection('harmonicCloseness', direction);
  const n = graph.order;
  if (n < 2) return 0;
  // Distances *to* the node are distances from it along reversed edges: the 'in' rows.
  const index = indexGraph(graph, direction);
  const dist = bfsDistances(index, index.indexOf.get(node)!);
  // Summed as (nodes at distance d) / d, by increasing d, so the value does not depend on the
  // order in which nodes were added to the graph, down to the last bit.
  const atDistance = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const d = dist[i]!;
    if (d > 0) atDistance[d] = atDistance[d]! + 1;
  }
  let sum = 0;
  for (let d = 1; d < n; d++) sum += atDistance[d]! / d;
  return sum / (n - 1);
}
