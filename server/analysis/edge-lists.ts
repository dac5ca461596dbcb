// Lists of flows that are part of a larger list (an indicator's flows within all flows): the flow graph
// records where each member sits in the larger list, so an index of the part can reuse the numbering of
// the whole instead of numbering the stakeholders again (coverage/paths.ts).
import type { FlowEdge } from './flow-graph';

export interface SubList {
  readonly parent: readonly FlowEdge[];
  /** positions[k]: where list[k] is in the parent. */
  readonly positions: Int32Array;
}

const subLists = new WeakMap<readonly FlowEdge[], SubList>();

/** Records that `list[k]` is `parent[positions[k]]` for every k. */
export function registerSubList(list: readonly FlowEdge[], parent: readonly FlowEdge[], positions: Int32Array): void {
  if (positions.length !== list.length) throw new Error('registerSubList: one position per flow');
  subLists.set(list, { parent, positions });
}

export function subListOf(list: readonly FlowEdge[]): SubList | undefined {
  return subLists.get(list);
}
