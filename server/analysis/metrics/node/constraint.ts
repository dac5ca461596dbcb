// Burt's constraint of one stakeholder on the undirected country graph (ANALYSIS.md §4).
import type Graph from 'graphology-types';
import { assertNode, assertSimpleDirected, undirectedNeighbours } from '../indexed-graph';

/**
 * Burt's constraint with undirected ties (i ~ j if either direction exists) and equal weights, as
 * NetworkX's `constraint` on the undirected unweighted graph: c_i = sum over neighbours j of
 * (p_ij + sum over q != i, j of p_iq * p_qj)^2 with p_ij = 1/deg(i) for neighbours, 0 otherwise.
 * `null` for an isolated node, where NetworkX gives NaN. A star's centre with k leaves gets 1/k.
 */
export function burtConstraint(graph: Graph, node: string): number | null {
  assertSimpleDirected('burtConstraint', graph);
  assertNode('burtConstraint', graph, node);
  const contacts = undirectedNeighbours(graph, node);
  if (contacts.length === 0) return null;
  const pi = 1 / contacts.length;
  // indirect.get(j) = sum over q of p_iq * p_qj: each contact q spreads p_iq / deg(q) over its own
  // neighbours; only those that are contacts of the node count (q itself never is its own neighbour).
  const indirect = new Map<string, number>();
  for (const j of contacts) indirect.set(j, 0);
  for (const q of contacts) {
    const theirs = undirectedNeighbours(graph, q);
    const share = pi / theirs.length;
    for (const j of theirs) {
      const sum = indirect.get(j);
      if (sum !== undefined) indirect.set(j, sum + share);
    }
  }
  let c = 0;
  for (const j of contacts) {
    const t = pi + indirect.get(j)!;
    c += t * t;
  }
  return c;
}
