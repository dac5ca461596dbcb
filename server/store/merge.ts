// Stale files (DOMAIN.md: an export carries each item's version and the store version it was taken at):
// the three-way merge of an item changed both in the file and in the store since the file's version,
// against the item as it was at that version (recovered from the audit trail), and the items a replace
// keeps because they were created or changed after the file was exported. Pure functions over loaded data.
import {
  DOCUMENT_KINDS,
  KIND_SPECS,
  keyOf,
  refValues,
  type AnyEntity,
  type AuditEntry,
  type ImportConflict,
  type KeptItem,
  type Kind,
  type MapDocument,
  type OnConflict,
  type Stored,
} from '../model';
import { deepEqual } from '../model/equal';

type Row = Stored<Kind>;
type State = Map<Kind, Map<string, Row>>;

/** Per kind, per key: the version an item had in the file. */
export type FileVersions = Map<Kind, Map<string, number>>;

/** The document without its items' versions (what the store validates and writes), and the versions apart. */
export function splitVersions(doc: MapDocument): { document: MapDocument; versions: FileVersions } {
  const versions: FileVersions = new Map();
  const out = { ...doc } as Record<string, unknown>;
  for (const kind of DOCUMENT_KINDS) {
    const { collection } = KIND_SPECS[kind];
    const byKey = new Map<string, number>();
    // Only items carrying a version are copied (a region's fresh file has none: no copy per item).
    out[collection] = ((doc as unknown as Record<string, Array<Record<string, unknown>>>)[collection] ?? []).map(
      (item) => {
        if (!('version' in item)) return item;
        const { version, ...entity } = item;
        if (typeof version === 'number') byKey.set(keyOf(kind, entity), version);
        return entity;
      },
    );
    if (byKey.size) versions.set(kind, byKey);
  }
  return { document: out as unknown as MapDocument, versions };
}

/** An entity in its kind's canonical form (defaults applied), or undefined when today's schema refuses it. */
function canonical(kind: Kind, value: unknown): AnyEntity | undefined {
  const parsed = KIND_SPECS[kind].schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function withoutMeta(row: Row): AnyEntity {
  const { version: _v, updatedAt: _a, updatedBy: _b, ...entity } = row;
  return entity;
}

export interface Base {
  /** The item as it was at the file's version. */
  item: AnyEntity;
  /** The updates since, oldest first: who changed which field, and when. */
  changes: AuditEntry[];
}

/**
 * The item as it was at `version`, walking back from the stored item through its update entries (each
 * bumps the version by one and records before and after). Undefined when the trail does not reach that
 * version: an entry missing or not matching, or (given the file's store version `since`) the item at that
 * version made after the file was exported, i.e. deleted and created again since.
 */
export function baseAt(
  kind: Kind,
  current: Row,
  history: readonly AuditEntry[],
  version: number,
  since?: number,
): Base | undefined {
  let item = canonical(kind, withoutMeta(current));
  let at = current.version;
  let i = history.length - 1;
  const changes: AuditEntry[] = [];
  for (; i >= 0 && item && at > version; i--) {
    const entry = history[i]!;
    if (entry.action !== 'update') return undefined;
    const after = canonical(kind, entry.after);
    if (!after || !deepEqual(after, item)) return undefined;
    changes.unshift(entry);
    item = canonical(kind, entry.before);
    at -= 1;
  }
  if (!item || at !== version) return undefined;
  const made = history[i];
  if (since !== undefined && made?.storeVersion !== undefined && made.storeVersion > since) return undefined;
  return { item, changes };
}

export interface MergeOutcome {
  merged: AnyEntity;
  conflicts: ImportConflict[];
}

/**
 * Merges an item field by field: a field changed only in the file takes the file's value, one changed only
 * in the store keeps the store's, one changed on both sides to different values is a conflict, resolved by
 * `onConflict`. Without a base every field that differs is a conflict.
 */
export function mergeItem(
  kind: Kind,
  file: AnyEntity,
  current: Row,
  base: Base | undefined,
  fileVersion: number,
  onConflict: OnConflict,
): MergeOutcome {
  const now = withoutMeta(current) as Record<string, unknown>;
  const theirs = file as Record<string, unknown>;
  const old = base?.item as Record<string, unknown> | undefined;
  const merged: Record<string, unknown> = {};
  const conflicts: ImportConflict[] = [];
  const fields = [...new Set([...Object.keys(theirs), ...Object.keys(now)])];
  for (const field of fields) {
    const t = theirs[field];
    const c = now[field];
    let value: unknown;
    if (deepEqual(t, c)) value = c;
    else if (old && deepEqual(t, old[field])) value = c;
    else if (old && deepEqual(c, old[field])) value = t;
    else {
      const who = lastChangeOf(field, base, current);
      conflicts.push({
        kind,
        key: keyOf(kind, current),
        field,
        file: t ?? null,
        current: c ?? null,
        ...(who.actor ? { changedBy: who.actor } : {}),
        ...(who.at ? { changedAt: who.at } : {}),
        base: base ? 'known' : 'unknown',
        fileVersion,
        storeVersion: current.version,
        resolution: onConflict === 'overwrite' ? 'overwritten' : 'kept',
      });
      value = onConflict === 'overwrite' ? t : c;
    }
    if (value !== undefined) merged[field] = value;
  }
  return { merged: (canonical(kind, merged) ?? merged) as AnyEntity, conflicts };
}

/** Who last changed a field since the base (the item's last change when the base is unknown). */
function lastChangeOf(field: string, base: Base | undefined, current: Row): { actor?: string; at?: string } {
  const entry = base?.changes
    .slice()
    .reverse()
    .find((e) => {
      const before = (e.before ?? {}) as Record<string, unknown>;
      const after = (e.after ?? {}) as Record<string, unknown>;
      return !deepEqual(before[field], after[field]);
    });
  return entry ? { actor: entry.actor, at: entry.at } : { actor: current.updatedBy, at: current.updatedAt };
}

/**
 * The items of `removed` (what a replace would delete) that were created or changed after store version
 * `since`, per their audit entries; then, until nothing changes, the removed items that a kept item refers
 * to. Takes them out of `removed` and lists them.
 */
export function keepChangedSince(
  state: State,
  removed: Map<Kind, Set<string>>,
  histories: Map<Kind, Map<string, AuditEntry[]>>,
  since: number,
): KeptItem[] {
  const kept: KeptItem[] = [];
  for (const [kind, keys] of removed) {
    for (const key of [...keys]) {
      const later = (histories.get(kind)?.get(key) ?? []).filter(
        (e) => typeof e.storeVersion === 'number' && e.storeVersion > since,
      );
      const last = later[later.length - 1];
      if (!last) continue;
      keys.delete(key);
      kept.push({
        kind,
        key,
        reason: later.some((e) => e.action === 'create') ? 'created' : 'changed',
        changedBy: last.actor,
        changedAt: last.at,
        ...(last.storeVersion !== undefined ? { storeVersion: last.storeVersion } : {}),
      });
    }
  }
  for (let i = 0; i < kept.length; i++) {
    const item = kept[i]!;
    const row = state.get(item.kind as Kind)?.get(item.key);
    if (!row) continue;
    for (const spec of KIND_SPECS[item.kind as Kind].refs) {
      for (const value of refValues(row, spec)) {
        if (!removed.get(spec.target)?.delete(value)) continue;
        kept.push({ kind: spec.target, key: value, reason: 'referenced', by: `${item.kind} ${item.key}` });
      }
    }
  }
  return kept;
}
