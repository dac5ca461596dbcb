// Betweenness centrality of every stakeholder in the country graph (ANALYSIS.md §3).
import type Graph from 'graphology-types';
import { assertSimpleDirected, indexGraph, type IndexedGraph } from '../indexed-graph';
import { brandes } from './brandes';

export interface BetweennessOptions {
  /** Divide by (n-1)(n-2), the number of ordered pairs of other nodes (ANALYSIS.md §3). */
  normalized?: boolean;
}

export const BETWEENNESS_DEFAULTS: Required<BetweennessOptions> = { normalized: true };

/**
 * Brandes, unweighted, directed: for each node v, the sum over ordered pairs (s, t), s != v != t,
 * of the share of shortest s -> t paths through v; normalised by (n-1)(n-2), so 0 for everyone
 * when n < 3. Keys in the graph's node order. Edge attributes such as `weight` are ignored.
 */
export function betweenness(graph: Graph, options: BetweennessOptions = {}): Record<string, number> {
  assertSimpleDirected('betweenness', graph);
  const { normalized } = { ...BETWEENNESS_DEFAULTS, ...options };
  const index = indexGraph(graph, 'out');
  return betweennessOfIndex(index, brandes(index).node, normalized);
}

/** The values as `betweenness` returns them, from Brandes' dependencies on the 'out' index of the graph (keys in node order). */
export function betweennessOfIndex(
  index: IndexedGraph,
  raw: Float64Array,
  normalized = BETWEENNESS_DEFAULTS.normalized,
): Record<string, number> {
  const n = index.nodes.length;
  const scale = !normalized ? 1 : n < 3 ? 0 : 1 / ((n - 1) * (n - 2));
  const result: Record<string, number> = {};
  for (let i = 0; i < n; i++) result[index.nodes[i]!] = raw[i]! * scale;
  return result;
}
