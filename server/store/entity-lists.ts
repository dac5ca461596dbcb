// What the whole-store reads (snapshots for the analyses, exports without versions) take from an adapter: every
// item of a kind as the store holds it, without metadata, in any order, read with as little work per row as the
// adapter can (SQLite: the stored JSON alone; Neo4j: each item as a list of values, not a map). The core puts the
// items in canonical form (canonical.ts) and sorts them by key; an adapter without this read is asked for `list`.
import { keyOf, type Kind } from '../model';
import { canonicalOf } from '../model/canonical';
import { compareKeys, type SortedItems } from '../model/document-rules';
import type { TxOps } from './port';

export interface EntityLists {
  /** Every item of `kind` as stored (validated when written), without metadata, in any order. */
  listEntities(kind: Kind): Promise<object[]>;
  /**
   * listEntities of several kinds started at once (Neo4j: every query sent at the start of the transaction, and
   * some kinds read together), each kind's promise settling when its items are read. Optional.
   */
  listEntitiesMany?(kinds: readonly Kind[]): Map<Kind, Promise<object[]>>;
}

function hasEntityLists(tx: TxOps): tx is TxOps & EntityLists {
  return typeof (tx as Partial<EntityLists>).listEntities === 'function';
}

/** Every item of `kind`, canonical, sorted by key as `documentOf` sorts (JavaScript string order, not the store's collation). */
export async function readSorted(tx: TxOps, kind: Kind): Promise<SortedItems> {
  return sortedOf(kind, hasEntityLists(tx) ? await tx.listEntities(kind) : await tx.list(kind));
}

/**
 * readSorted of every kind of `kinds`, read at once where the adapter can (listEntitiesMany): each kind is put in
 * canonical form and sorted as soon as its items arrive, while the store still sends the others.
 */
export async function readSortedMany(tx: TxOps, kinds: readonly Kind[]): Promise<Map<Kind, SortedItems>> {
  const pending =
    hasEntityLists(tx) && typeof tx.listEntitiesMany === 'function' ? tx.listEntitiesMany(kinds) : undefined;
  const read = (kind: Kind) => pending?.get(kind) ?? (hasEntityLists(tx) ? tx.listEntities(kind) : tx.list(kind));
  const sorted = await Promise.all(kinds.map(async (kind) => [kind, sortedOf(kind, await read(kind))] as const));
  return new Map(sorted);
}

function sortedOf(kind: Kind, rows: readonly object[]): SortedItems {
  let items = rows.map((row) => canonicalOf(kind, row));
  let keys = items.map((item) => keyOf(kind, item));
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) sorted = compareKeys(keys[i - 1]!, keys[i]!) <= 0;
  if (!sorted) {
    const order = keys.map((_, i) => i).sort((a, b) => compareKeys(keys[a]!, keys[b]!));
    items = order.map((i) => items[i]!);
    keys = order.map((i) => keys[i]!);
  }
  return { keys, items };
}
