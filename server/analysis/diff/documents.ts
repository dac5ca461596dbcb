// What changed between two map documents, collection by collection: items added, removed, and
// changed (with the fields that differ). Items are matched by their key (keyOf: id, code, or
// stakeholder|network for memberships). Pure: no I/O, inputs never mutated.
import { DOCUMENT_KINDS, KIND_SPECS, keyOf, type Kind, type MapDocument } from '../../model';
import { deepEqual } from '../../model/equal';

export type DiffCollection =
  'countries' | 'stakeholders' | 'datasets' | 'flows' | 'reportingLines' | 'networks' | 'memberships' | 'interviews';

export interface ChangedItem {
  key: string;
  before: object;
  after: object;
  /** The fields whose values differ, in the schema's field order. */
  fields: string[];
}

export interface CollectionDiff {
  added: Array<{ key: string; item: object }>;
  removed: Array<{ key: string; item: object }>;
  changed: ChangedItem[];
}

export type DocumentDiff = Record<DiffCollection, CollectionDiff>;

const KIND_OF = Object.fromEntries(DOCUMENT_KINDS.map((k) => [KIND_SPECS[k].collection, k])) as Record<
  DiffCollection,
  Kind
>;
export const DIFF_COLLECTIONS = Object.keys(KIND_OF) as DiffCollection[];

/** The fields that differ between two items, in the schema's order, then any others alphabetically. */
export function changedFields(kind: Kind, before: object, after: object): string[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const schemaOrder = Object.keys((KIND_SPECS[kind].schema as unknown as { shape: object }).shape);
  const others = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((f) => !schemaOrder.includes(f)).sort();
  return [...schemaOrder, ...others].filter((f) => !deepEqual(a[f], b[f]));
}

function byKey(a: { key: string }, b: { key: string }): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export function diffCollection(kind: Kind, before: readonly object[], after: readonly object[]): CollectionDiff {
  const old = new Map(before.map((item) => [keyOf(kind, item), item]));
  const now = new Map(after.map((item) => [keyOf(kind, item), item]));
  const diff: CollectionDiff = { added: [], removed: [], changed: [] };
  for (const [key, item] of now) {
    const was = old.get(key);
    if (!was) {
      diff.added.push({ key, item });
      continue;
    }
    const fields = changedFields(kind, was, item);
    if (fields.length) diff.changed.push({ key, before: was, after: item, fields });
  }
  for (const [key, item] of old) if (!now.has(key)) diff.removed.push({ key, item });
  diff.added.sort(byKey);
  diff.removed.sort(byKey);
  diff.changed.sort(byKey);
  return diff;
}

/** From `a` (before) to `b` (after), for every collection of a map document. */
export function diffDocuments(a: MapDocument, b: MapDocument): DocumentDiff {
  return Object.fromEntries(DIFF_COLLECTIONS.map((c) => [c, diffCollection(KIND_OF[c], a[c], b[c])])) as DocumentDiff;
}

/** Totals over the given collections. */
export function diffCounts(diff: Partial<DocumentDiff>): { added: number; removed: number; changed: number } {
  const parts = Object.values<CollectionDiff>(diff);
  return {
    added: parts.reduce((n, d) => n + d.added.length, 0),
    removed: parts.reduce((n, d) => n + d.removed.length, 0),
    changed: parts.reduce((n, d) => n + d.changed.length, 0),
  };
}
