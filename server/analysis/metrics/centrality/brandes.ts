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
 * successors x of w with dist[x] = dist[w] + 1 are exactly the nodes that list w as predecessor.
 * The BFS meets them in w's own row order when it scans w, so it records those edge slots (`dag`,
 * from `dagStart[i]` for the i-th node found) and the accumulation walks only them, in that same
 * order: the sums, and so every bit of the result, are those of walking w's whole row. Path counts
 * are doubles, not 32-bit integers: their number can grow exponentially with the distance. A node
 * without successors is skipped as a source: it reaches nothing, so it adds nothing.
 */
export function brandes(index: IndexedGraph): Dependencies {
  return brandesOfRows(index.nodes.length, index.offsets, index.targets);
}

/**
 * `brandes` of a graph given as its rows alone (n nodes, `offsets`, `targets`). Self-contained, no name from
 * outside it: brandes-pool.ts runs its source text in a worker thread.
 */
export function brandesOfRows(n: number, offsets: Int32Array, targets: Int32Array): Dependencies {
  const node = new Float64Array(n);
  const edge = new Float64Array(targets.length);
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n); // BFS order; read backwards it is the stack of the paper
  const dagStart = new Int32Array(n + 1);
  const dag = new Int32Array(targets.length); // slots of edges v -> w with dist[w] = dist[v] + 1
  for (let s = 0; s < n; s++) {
    if (offsets[s] === offsets[s + 1]) continue;
    let head = 0;
    let tail = 0;
    let slots = 0;
    dist[s] = 0;
    sigma[s] = 1;
    order[tail++] = s;
    while (head < tail) {
      dagStart[head] = slots;
      const v = order[head++]!;
      const next = dist[v]! + 1;
      const sv = sigma[v]!;
      for (let k = offsets[v]!, end = offsets[v + 1]!; k < end; k++) {
        const w = targets[k]!;
        const dw = dist[w]!;
        if (dw === -1) {
          dist[w] = next;
          order[tail++] = w;
        } else if (dw !== next) continue;
        sigma[w] = sigma[w]! + sv;
        dag[slots++] = k;
      }
    }
    dagStart[tail] = slots;
    for (let i = tail - 1; i >= 0; i--) {
      const w = order[i]!;
      const sw = sigma[w]!;
      let dw = 0;
      for (let p = dagStart[i]!, end = dagStart[i + 1]!; p < end; p++) {
        const k = dag[p]!;
        const x = targets[k]!;
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
