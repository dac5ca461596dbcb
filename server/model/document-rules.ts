// Pure rules over the items of a map, as the store holds them (with metadata) or as a document lists them: what
// deleting an item takes with it (cascade), the map document of a scope (canonical items sorted by key, as an
// export, a snapshot and a round give it), a region document restricted to a country, and the one-NCP rule of a
// single write. The store runs them inside its transactions; the services run them for their checks.
import { canonicalOf } from './canonical';
import { emptyDocument, type MapDocument, type Problem } from './document';
import type { Stakeholder } from './entities';
import {
  DOCUMENT_KINDS,
  KIND_SPECS,
  KINDS,
  keyOf,
  referrersOf,
  refValues,
  type AnyEntity,
  type EntityOf,
  type Kind,
} from './kinds';
import { scopeKeys } from './scope';
import { stripMetaOf, type Meta, type Stored } from './stored';

/** Items by kind and key, as a transaction loaded them. */
export type ItemState = Map<Kind, Map<string, Stored<Kind>>>;

/** A kind's items in canonical form, sorted by key, with their keys. */
export interface SortedItems {
  keys: string[];
  items: AnyEntity[];
}

export function stripMeta<K extends Kind>(row: Stored<K>): EntityOf<K> {
  return stripMetaOf(row as Stored<K> & Partial<Meta>) as EntityOf<K>;
}

export function rowsOf(state: ItemState, kind: Kind): Stored<Kind>[] {
  return [...(state.get(kind)?.values() ?? [])];
}

/** Keys in JavaScript string order (UTF-16 code units), as every export and snapshot sorts them. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The kinds that can depend, directly or not, on `kind`. */
export function referrerClosure(kind: Kind): Kind[] {
  const seen = new Set<Kind>([kind]);
  const queue = [kind];
  while (queue.length) {
    const k = queue.shift()!;
    for (const { kind: r } of referrersOf(k))
      if (!seen.has(r)) {
        seen.add(r);
        queue.push(r);
      }
  }
  return KINDS.filter((k) => seen.has(k));
}

/**
 * What deleting (kind, key) takes with it: referrers by a single reference are deleted (and their
 * own referrers in turn); referrers by a list lose the value, or are deleted if the list may not be empty.
 */
export function cascadeFrom(state: ItemState, kind: Kind, key: string) {
  const deletes = new Map<Kind, Set<string>>([[kind, new Set([key])]]);
  const updates = new Map<Kind, Map<string, AnyEntity>>();
  const queue: Array<[Kind, string]> = [[kind, key]];
  const isDeleted = (k: Kind, x: string) => deletes.get(k)?.has(x) ?? false;
  while (queue.length) {
    const [k, x] = queue.shift()!;
    for (const { kind: rk, spec } of referrersOf(k)) {
      for (const row of rowsOf(state, rk)) {
        const rkey = keyOf(rk, row);
        if (isDeleted(rk, rkey)) continue;
        const current = updates.get(rk)?.get(rkey) ?? stripMeta(row);
        if (!refValues(current, spec).includes(x)) continue;
        if (spec.many) {
          const next = { ...current, [spec.field]: refValues(current, spec).filter((v) => v !== x) };
          if (KIND_SPECS[rk].schema.safeParse(next).success) {
            updates.set(rk, (updates.get(rk) ?? new Map<string, AnyEntity>()).set(rkey, next));
            continue;
          }
        }
        deletes.set(rk, (deletes.get(rk) ?? new Set()).add(rkey));
        updates.get(rk)?.delete(rkey);
        queue.push([rk, rkey]);
      }
    }
  }
  return { deletes, updates };
}

/**
 * The map document of a scope (a country, or the region when `country` is undefined) from a loaded state: canonical
 * items sorted by key, no metadata (but each item's version, if asked).
 */
export function documentOf(
  state: ItemState,
  scope: { country?: string },
  options: { versions?: boolean } = {},
): MapDocument {
  const doc = emptyDocument();
  const keys = scope.country ? scopeKeys(state, scope.country) : undefined;
  for (const kind of DOCUMENT_KINDS) {
    const rows = rowsOf(state, kind)
      .filter((r) => !keys || keys.get(kind)?.has(keyOf(kind, r)))
      .sort((a, b) => compareKeys(keyOf(kind, a), keyOf(kind, b)));
    (doc as unknown as Record<string, AnyEntity[]>)[KIND_SPECS[kind].collection] = rows.map((r) =>
      options.versions ? { ...canonicalOf(kind, r), version: r.version } : canonicalOf(kind, r),
    );
  }
  return doc;
}

/** `documentOf` (without versions) from items already canonical and sorted. */
export function documentOfSorted(lists: ReadonlyMap<Kind, SortedItems>, scope: { country?: string }): MapDocument {
  const doc = emptyDocument();
  let inScope: Map<Kind, Set<string>> | undefined;
  if (scope.country) {
    const state: ItemState = new Map();
    for (const [kind, { keys, items }] of lists)
      state.set(kind, new Map(keys.map((key, i) => [key, items[i] as Stored<Kind>])));
    inScope = scopeKeys(state, scope.country);
  }
  for (const kind of DOCUMENT_KINDS) {
    const { keys, items } = lists.get(kind)!;
    const wanted = inScope?.get(kind);
    (doc as unknown as Record<string, AnyEntity[]>)[KIND_SPECS[kind].collection] = inScope
      ? items.filter((_, i) => wanted?.has(keys[i]!))
      : items;
  }
  return doc;
}

/**
 * A map document restricted to a country's scope, exactly as a country export restricts the store
 * (a region round compared for one country).
 */
export function restrictDocument(doc: MapDocument, country: string): MapDocument {
  const state: ItemState = new Map();
  for (const kind of DOCUMENT_KINDS) {
    const items = doc[KIND_SPECS[kind].collection as keyof MapDocument] as AnyEntity[];
    state.set(kind, new Map(items.map((e) => [keyOf(kind, e), e as Stored<Kind>])));
  }
  return documentOf(state, { country });
}

/** The one-NCP rule for one stakeholder written on its own: a problem when another stakeholder of its country is the NCP. */
export function ncpProblem(stakeholder: Stakeholder, stakeholders: readonly Stakeholder[]): Problem | undefined {
  if (!stakeholder.ncp) return undefined;
  const others = stakeholders.filter((o) => o.ncp && o.country === stakeholder.country && o.id !== stakeholder.id);
  if (!others.length) return undefined;
  return {
    path: 'ncp',
    kind: 'stakeholder',
    id: stakeholder.id,
    field: 'ncp',
    message: `country ${stakeholder.country} already has an NCP (${others.map((o) => o.id).join(', ')}); a country has exactly one`,
  };
}
