// Reciprocity of the country graph (ANALYSIS.md §5).
import type Graph from 'graphology-types';
import { assertSimpleDirected } from '../indexed-graph';

/**
 * The share of connected ordered pairs (u, v) whose reverse (v, u) is connected too; 0 when there
 * is no edge. NetworkX's `overall_reciprocity` on a graph without self-loops.
 */
export function reciprocity(graph: Graph): number {
  assertSimpleDirected('reciprocity', graph);
  let pairs = 0;
  let reciprocated = 0;
  graph.forEachEdge((_edge, _attributes, source, target) => {
    if (source === target) return;
    pairs++;
    if (graph.hasDirectedEdge(target, source)) reciprocated++;
  });
  return pairs === 0 ? 0 : reciprocated / pairs;
}
