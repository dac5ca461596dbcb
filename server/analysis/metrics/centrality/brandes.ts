// Brandes' accumulation of shortest-path dependencies, shared by node and edge betweenness.
import type { IndexedGraph } from '../indexed-graph';

export interface Dependencies {
  /** Unnormalised betweenness of each node, by node index. */
  readonly node: Float64Array;
  /** Unnormalised betweenness of each edge, by slot of the 'out' index. */
  readonly edge: Float64Array;
}

/**
 * Ulrik Brandes, "A faster algorithm for betweenness centrality" (2001), unweighted and directed:
 * one BFS per source counting shortest paths, then dependencies accumulated in reverse BFS order.
 * O(nm) time, O(n + m) memory, every array allocated once. Predecessor lists are not stored: the
 * successors x of w with dist[x] = dist[w] + 1 are exactly the nodes that list w as predecessor, so
 * the accumulation walks w's own row (and finds the edge slot w -> x on the way). Path counts are
 * doubles, not 32-bit integers: their number can grow exponentially with the distance.
 */
export function brandes(index: IndexedGraph): Dependencies {
  const { offsets, targets } = index;
  const n = index.nodes.length;
  const node = new Float64Array(n);
  const edge = new Float64Array(targets.length);
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n); // BFS order; read backwards it is the stack of the paper

  for (let s = 0; s < n; s++) {
    let head = 0;
    let tail = 0;
    dist[s] = 0;
    sigma[s] = 1;
    order[tail++] = s;
    while (head < tail) {
      const v = order[head++]!;
      const next = dist[v]! + 1;
      const sv = sigma[v]!;
      for (let k = offsets[v]!, end = offsets[v + 1]!; k < end; k++) {
        const w = targets[k]!;
        if (dist[w] === -1) {
          dist[w] = next;
          order[tail++] = w;
        }
        if (dist[w] === next) sigma[w] = sigma[w]! + sv;
      }
    }

    for (let i = tail - 1; i >= 0; i--) {
      const w = order[i]!;
      const next = dist[w]! + 1;
      const sw = sigma[w]!;
      let dw = 0;
      for (let k = offsets[w]!, end = offsets[w + 1]!; k < end; k++) {
        const x = targets[k]!;
        if (dist[x] !== next) continue;
        const c = (sw / sigma[x]!) * (1 + delta[x]!);
        edge[k] = edge[k]! + c;
        dw += c;
      }
      delta[w] = dw;
      if (w !== s) node[w] = node[w]! + dw;
    }

    // Reset only what this source touched, so a source in a small component costs little.
    for (let i = 0; i < tail; i++) {
      const v = order[i]!;
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
  return { node, edge };
}
