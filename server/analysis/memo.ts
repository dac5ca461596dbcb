// Results memoised on a flow graph: a flow graph never changes once built, and several analyses of
// one request (or of one cached snapshot) need the same country graph, betweenness or coverage cell.
import type { FlowGraph } from './flow-graph';

const memos = new WeakMap<FlowGraph, Map<string, unknown>>();

export function memoOn<T>(fg: FlowGraph, key: string, compute: () => T): T {
  let memo = memos.get(fg);
  if (!memo) memos.set(fg, (memo = new Map()));
  if (!memo.has(key)) memo.set(key, compute());
  return memo.get(key) as T;
}
