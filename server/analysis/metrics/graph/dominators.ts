// Dominator trees: Cooper, Harvey & Kennedy's iterative algorithm on plain arrays (no graphology).

/**
 * The immediate dominator of every node reachable from `root`, except `root` itself; unreachable
 * nodes are absent. d dominates v when every path from root to v passes d; the immediate dominator
 * is the nearest strict one. Self-loops and parallel edges are allowed and change nothing. Map
 * entries follow the order of `nodes`; `successors` is asked once per node.
 */
export function immediateDominators(
  nodes: readonly string[],
  successors: (node: string) => Iterable<string>,
  root: string,
): Map<string, string> {
  const index = new Map<string, number>();
  for (let i = 0; i < nodes.length; i++) {
    const id = nodes[i]!;
    if (index.has(id)) throw new Error(`immediateDominators: node "${id}" is listed twice`);
    index.set(id, i);
  }
  const rootIndex = index.get(root);
  if (rootIndex === undefined) throw new Error(`immediateDominators: root "${root}" is not among the nodes`);

  const offsets = new Int32Array(nodes.length + 1);
  const targets: number[] = [];
  for (let v = 0; v < nodes.length; v++) {
    for (const s of successors(nodes[v]!)) {
      const w = index.get(s);
      if (w === undefined)
        throw new Error(`immediateDominators: successor "${s}" of "${nodes[v]!}" is not among the nodes`);
      targets.push(w);
    }
    offsets[v + 1] = targets.length;
  }

  const idom = immediateDominatorsIndexed(offsets, Int32Array.from(targets), rootIndex);
  const result = new Map<string, string>();
  for (let v = 0; v < nodes.length; v++) {
    const d = idom[v]!;
    if (d !== -1 && v !== rootIndex) result.set(nodes[v]!, nodes[d]!);
  }
  return result;
}

/**
 * The same on nodes 0..n-1 given in compressed rows (the successors of v are
 * `targets[offsets[v]] .. targets[offsets[v + 1] - 1]`, n = offsets.length - 1), for callers that
 * already number their nodes. Returns the idom of each node, `root` for root, -1 when unreachable.
 *
 * "A Simple, Fast Dominance Algorithm" (Cooper, Harvey & Kennedy, 2001): nodes are numbered in
 * postorder of a DFS from root and visited in reverse postorder; each node's idom is the
 * `intersect` of its already-processed predecessors in the current tree, until nothing changes.
 * The DFS is iterative (graphs of ~10^5 nodes would overflow the call stack) and everything lives
 * in typed arrays indexed by postorder number.
 */
export function immediateDominatorsIndexed(offsets: Int32Array, targets: Int32Array, root: number): Int32Array {
  const n = offsets.length - 1;
  if (!Number.isInteger(root) || root < 0 || root >= n) {
    throw new Error(`immediateDominatorsIndexed: root ${root} is not among the ${n} nodes`);
  }
  if (offsets[0] !== 0 || offsets[n] !== targets.length) {
    throw new Error('immediateDominatorsIndexed: offsets do not describe the targets');
  }
  for (let k = 0; k < targets.length; k++) {
    const w = targets[k]!;
    if (w < 0 || w >= n) throw new Error(`immediateDominatorsIndexed: target ${w} is not among the ${n} nodes`);
  }

  // Iterative DFS: `next[v]` is the position in `targets` of the next successor of v to look at.
  const post = new Int32Array(n).fill(-1); // node -> postorder number, -1 until finished
  const order = new Int32Array(n); // postorder number -> node
  const visited = new Uint8Array(n);
  const next = offsets.slice(0, n);
  const stack = new Int32Array(n);
  let top = 0;
  let m = 0;
  visited[root] = 1;
  stack[top++] = root;
  while (top > 0) {
    const v = stack[top - 1]!;
    const k = next[v]!;
    if (k < offsets[v + 1]!) {
      next[v] = k + 1;
      const w = targets[k]!;
      if (!visited[w]) {
        visited[w] = 1;
        stack[top++] = w;
      }
    } else {
      top--;
      post[v] = m;
      order[m++] = v;
    }
  }

  // Predecessors among reachable nodes (every successor of a reachable node is reachable), by
  // postorder number, in compressed rows; self-loops dropped.
  const start = new Int32Array(m + 1);
  for (let p = 0; p < m; p++) {
    const v = order[p]!;
    for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
      const w = targets[k]!;
      if (w !== v) start[post[w]! + 1] = start[post[w]! + 1]! + 1;
    }
  }
  for (let p = 0; p < m; p++) start[p + 1] = start[p + 1]! + start[p]!;
  const preds = new Int32Array(start[m]!);
  const fill = start.slice(0, m);
  for (let p = 0; p < m; p++) {
    const v = order[p]!;
    for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
      const w = targets[k]!;
      if (w !== v) preds[fill[post[w]!]!++] = p;
    }
  }

  // The fixpoint. The root has the highest postorder number; -1 means "not processed yet".
  const rootPost = m - 1;
  const doms = new Int32Array(m).fill(-1);
  doms[rootPost] = rootPost;
  let changed = true;
  while (changed) {
    changed = false;
    for (let b = rootPost - 1; b >= 0; b--) {
      let idom = -1;
      for (let k = start[b]!; k < start[b + 1]!; k++) {
        const p = preds[k]!;
        if (doms[p] === -1) continue;
        if (idom === -1) {
          idom = p;
          continue;
        }
        // intersect(p, idom): walk both fingers up the current tree until they meet.
        let a = p;
        while (a !== idom) {
          while (a < idom) a = doms[a]!;
          while (idom < a) idom = doms[idom]!;
        }
      }
      // Never -1: b's DFS parent comes earlier in reverse postorder.
      if (doms[b] !== idom) {
        doms[b] = idom;
        changed = true;
      }
    }
  }

  const idoms = new Int32Array(n).fill(-1);
  for (let p = 0; p < m; p++) idoms[order[p]!] = order[doms[p]!]!;
  return idoms;
}

/**
 * The strict dominators of `node`, nearest first, ending with `root` (empty for root itself), read
 * off an `immediateDominators` result computed from the same root.
 */
export function dominatorsOf(idom: ReadonlyMap<string, string>, node: string, root: string): string[] {
  const chain: string[] = [];
  if (node === root) return chain;
  if (!idom.has(node)) throw new Error(`dominatorsOf: node "${node}" is not reachable from root "${root}"`);
  let current = node;
  while (current !== root) {
    const up = idom.get(current);
    if (up === undefined || chain.length >= idom.size) {
      throw new Error(`dominatorsOf: the chain from "${node}" does not end at root "${root}"`);
    }
    chain.push(up);
    current = up;
  }
  return chain;
}
