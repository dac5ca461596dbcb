// Reach of one stakeholder within k hops in the country graph (ANALYSIS.md §4).
import type Graph from 'graphology-types';
import {
  assertDirection,
  assertNode,
  assertSimpleDirected,
  bfsDistances,
  indexGraph,
  type Direction,
} from '../indexed-graph';

export interface Reach {
  k1: number;
  k2: number;
  any: number;
}

/**
 * ANALYSIS.md §4: the share of the other n-1 nodes with a path to `node` ('in') or reached from it
 * ('out') within 1 hop, 2 hops and any number of hops; all 0 when n < 2.
 */
export function reach(graph: Graph, node: string, direction: Direction): Reach {
  assertSimpleDirected('reach', graph);
  assertNode('reach', graph, node);
  assertDirection('reach', direction);
  const n = graph.order;
  if (n < 2) return { k1: 0, k2: 0, any: 0 };
  const index = indexGraph(graph, direction);
  const dist = bfsDistances(index, index.indexOf.get(node)!);
  let k1 = 0;
  let k2 = 0;
  let any = 0;
  for (let i = 0; i < n; i++) {
    const d = dist[i]!;
    if (d <= 0) continue; // the node itself, or unreachable
    any++;
    if (d <= 2) k2++;
    if (d === 1) k1++;
  }
  return { k1: k1 / (n - 1), k2: k2 / (n - 1), any: any / (n - 1) };
}
