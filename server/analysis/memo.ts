// Results memoised on a flow graph: a flow graph never changes once built, and several analyses of
// one request (or of one cached snapshot) need the same country graph, betweenness or coverage cell.
import type { FlowGraph } from './flow-graph';

const memos = new WeakMap<FlowGraph, Map<string, unknown>>();

export function memoOn<T>(fg: FlowGraph, key: string, compute: () => T): T {
  let memo = memos.get(fg);
  if (!memo) memos.set(fg, (memo = new Map<string, unknown>()));
  if (!memo.has(key)) memo.set(key, compute());
  return memo.get(key) as T;
}

/** Whether `fg` has a result memoised under `key`. */
export function memoHas(fg: FlowGraph, key: string): boolean {
  return memos.get(fg)?.has(key) ?? false;
}

/** The memoised results under `keys` that `fg` has, to hand to another flow graph (see `memoSeed`). */
export function memoEntries(fg: FlowGraph, keys: readonly string[]): Array<[string, unknown]> {
  const memo = memos.get(fg);
  return memo ? keys.filter((k) => memo.has(k)).map((k) => [k, memo.get(k)]) : [];
}

/** Adds results computed elsewhere (for exactly the same inputs) to a flow graph's memo; what it has already stays. */
export function memoSeed(fg: FlowGraph, entries: ReadonlyArray<readonly [string, unknown]>): void {
  let memo = memos.get(fg);
  if (!memo) memos.set(fg, (memo = new Map<string, unknown>()));
  for (const [key, value] of entries) if (!memo.has(key)) memo.set(key, value);
}
