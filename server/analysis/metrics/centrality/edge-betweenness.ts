// Edge betweenness of every flow in the country graph (ANALYSIS.md §3).
import type Graph from 'graphology-types';
import { assertSimpleDirected, indexGraph } from '../indexed-graph';
import { brandes } from './brandes';

export interface EdgeBetweennessOptions {
  /** Divide by n(n-1), the number of ordered pairs (NetworkX's directed convention). */
  normalized?: boolean;
}

export const EDGE_BETWEENNESS_DEFAULTS: Required<EdgeBetweennessOptions> = { normalized: true };

/**
 * For each edge, the sum over ordered pairs (s, t), s != t, of the share of shortest s -> t paths
 * using it, normalised by n(n-1) as NetworkX's `edge_betweenness_centrality(normalized=True)` does
 * on a directed graph (0 when n < 2). Keys are edge keys in the graph's edge order; a self-loop,
 * on no shortest path, gets 0.
 */
export function edgeBetweenness(graph: Graph, options: EdgeBetweennessOptions = {}): Record<string, number> {
  assertSimpleDirected('edgeBetweenness', graph);
  const { normalized } = { ...EDGE_BETWEENNESS_DEFAULTS, ...options };
  const index = indexGraph(graph, 'out');
  const raw = brandes(index).edge;
  const scale = edgeBetweennessScale(index.nodes.length, normalized);
  const result: Record<string, number> = {};
  // Every edge first, in the graph's order (self-loops included, at 0); then the values by slot.
  graph.forEachEdge((edge) => {
    result[edge] = 0;
  });
  for (let k = 0; k < raw.length; k++) result[index.edges[k]!] = raw[k]! * scale;
  return result;
}

/** The factor from Brandes' edge dependencies to the values `edgeBetweenness` returns. */
export function edgeBetweennessScale(n: number, normalized = EDGE_BETWEENNESS_DEFAULTS.normalized): number {
  return !normalized ? 1 : n < 2 ? 0 : 1 / (n * (n - 1));
}
