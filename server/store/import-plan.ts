// What an import would do, worked out in its transaction: validation against the store, what merge adds and
// updates, what replace deletes, and for a file exported with versions (DOMAIN.md) the three-way merge of the
// items changed in the store since (merge.ts) and the items replace keeps because they are newer than the file.
import {
  DOCUMENT_KINDS,
  KIND_SPECS,
  KINDS,
  MAX_LISTED_CONFLICTS,
  MapDocument,
  checkDocument,
  keyOf,
  parseMapDocument,
  refValues,
  validateDocument,
  type AnyEntity,
  type AuditEntry,
  type ImportConflict,
  type Kind,
  type OnConflict,
  type Problem,
  type Stored,
} from '../model';
import type { ImportMode, ImportResult, KindCounts, TxOps } from './port';
import type { AuditDraft } from './audit-countries';
import { scopeKeys } from '../model/scope';
import { rowsOf, stripMeta, type ItemState } from '../model/document-rules';
import { addCount } from './context';
import { deepEqual } from '../model/equal';
import { problemsFromZod } from '../model/problems';
import { baseAt, keepChangedSince, mergeItem, splitVersions } from './merge';

type Row = Stored<Kind>;
type State = ItemState;
type Histories = Map<Kind, Map<string, AuditEntry[]>>;

/**
 * An import's rows of one kind, each the item of an audit draft (its `after`) at a version, made when they are written
 * (or not at all: TxOps.upsertAudited): a region's 87,000 rows, kept all at once beside the items they copy, cost the
 * garbage collector their copying and the process their fresh memory.
 */
export class PlannedRows {
  private readonly drafts: AuditDraft[] = [];
  private readonly versions: number[] = [];

  constructor(readonly stamp: { updatedAt: string; updatedBy: string }) {}

  get length(): number {
    return this.drafts.length;
  }

  /** The row of the item `draft` creates or updates (its `after`), at `version`. */
  add(draft: AuditDraft, version: number): void {
    this.drafts.push(draft);
    this.versions.push(version);
  }

  /** Rows `start` to `end` (all by default) as the store keeps them: the item, its version and the import's stamp. */
  slice(start = 0, end = this.drafts.length): Row[] {
    const { updatedAt, updatedBy } = this.stamp;
    const out: Row[] = [];
    for (let i = start; i < Math.min(end, this.drafts.length); i++)
      out.push({ ...(this.drafts[i]!.after as AnyEntity), version: this.versions[i]!, updatedAt, updatedBy });
    return out;
  }

  /** The audit drafts of rows `start` to `end` and the rows' versions. */
  audited(start: number, end: number): { drafts: AuditDraft[]; versions: number[] } {
    return { drafts: this.drafts.slice(start, end), versions: this.versions.slice(start, end) };
  }
}

export interface Plan {
  upserts: Map<Kind, PlannedRows>;
  deletes: Map<Kind, string[]>;
  audit: AuditDraft[];
  result: Omit<ImportResult, 'storeVersion'>;
}

export interface PlanOptions {
  mode: ImportMode;
  dryRun?: boolean;
  onConflict?: OnConflict;
  /** The import's stamp (updatedAt, updatedBy), one for all its rows; `entry` makes an audit draft, as the store does. */
  stamp: { updatedAt: string; updatedBy: string };
  entry: (action: AuditDraft['action'], kind: Kind, key: string, before: unknown, after: unknown) => AuditDraft;
}

/** At most this many notes (items whose base is not in the audit trail) are listed. */
const MAX_NOTES = 100;

function itemsOf(doc: MapDocument, kind: Kind): AnyEntity[] {
  return (doc as unknown as Record<string, AnyEntity[]>)[KIND_SPECS[kind].collection] ?? [];
}

/** The audit entries of the given items, per kind and key, read in the transaction. */
async function historiesOf(tx: TxOps, keys: ReadonlyMap<Kind, Iterable<string>>): Promise<Histories> {
  const out: Histories = new Map();
  for (const [kind, some] of keys) {
    const wanted = [...some];
    if (!wanted.length) continue;
    const byKey = new Map<string, AuditEntry[]>();
    for (const entry of await tx.history(kind, wanted)) byKey.set(entry.key, [...(byKey.get(entry.key) ?? []), entry]);
    out.set(kind, byKey);
  }
  return out;
}

/** Works out what an import would do; problems instead of a plan when the document is not acceptable. */
export async function planImport(
  tx: TxOps,
  raw: unknown,
  state: State,
  options: PlanOptions,
): Promise<{ problems: Problem[]; plan?: Plan }> {
  const { mode, dryRun = false, onConflict = 'keep' } = options;
  const shape = parseMapDocument(raw);
  if (!shape.success) return { problems: problemsFromZod(shape.error, raw, { field: 'issue' }) };
  const { document: incoming, versions } = splitVersions(shape.data);

  const removed = new Map<Kind, Set<string>>();
  if (mode === 'replace') {
    for (const country of incoming.countries) {
      for (const [kind, keys] of scopeKeys(state, country.code)) {
        const inDoc = new Set(itemsOf(incoming, kind).map((e) => keyOf(kind, e)));
        const set = removed.get(kind) ?? new Set<string>();
        for (const k of keys) if (!inDoc.has(k)) set.add(k);
        removed.set(kind, set);
      }
    }
  }
  // A file that says which store version it was taken at never deletes what was created or changed after it.
  const kept =
    incoming.storeVersion !== undefined && [...removed.values()].some((s) => s.size)
      ? keepChangedSince(state, removed, await historiesOf(tx, removed), incoming.storeVersion)
      : [];

  const isRemoved = (kind: Kind, key: string) => removed.get(kind)?.has(key) ?? false;
  const existing: Partial<Record<Kind, Set<string>>> = {};
  for (const kind of KINDS) {
    existing[kind] = new Set([...(state.get(kind)?.keys() ?? [])].filter((k) => !isRemoved(kind, k)));
  }
  const existingNcps = new Map<string, string[]>();
  for (const s of rowsOf(state, 'stakeholder') as Stored<'stakeholder'>[]) {
    if (s.ncp && !isRemoved('stakeholder', s.id))
      existingNcps.set(s.country, [...(existingNcps.get(s.country) ?? []), s.id]);
  }
  const context = { indicators: existing.indicator ?? new Set<string>(), existing, existingNcps };
  // The shape was parsed above: the references, duplicates and the one-NCP rule are checked on the parsed items.
  const validation = checkDocument(incoming, context);
  const problems = validation.ok ? [] : validation.problems;
  problems.push(...danglingAfterRemoval(state, removed, incoming));
  if (problems.length || !validation.ok) return { problems };
  let doc = validation.document;

  // Items whose version in the file is older than the stored one: merged against the item at the file's version.
  const stale = new Map<Kind, string[]>();
  for (const kind of DOCUMENT_KINDS) {
    for (const entity of itemsOf(doc, kind)) {
      const key = keyOf(kind, entity);
      const version = versions.get(kind)?.get(key);
      const current = state.get(kind)?.get(key);
      if (version !== undefined && current && version < current.version)
        stale.set(kind, [...(stale.get(kind) ?? []), key]);
    }
  }
  const merged: KindCounts = {};
  const conflicts: ImportConflict[] = [];
  const notes: string[] = [];
  let unknownBases = 0;
  if (stale.size) {
    const histories = await historiesOf(tx, stale);
    const out = { ...doc } as unknown as Record<string, AnyEntity[]>;
    for (const [kind, keys] of stale) {
      const wanted = new Set(keys);
      out[KIND_SPECS[kind].collection] = itemsOf(doc, kind).map((entity) => {
        const key = keyOf(kind, entity);
        if (!wanted.has(key)) return entity;
        const current = state.get(kind)!.get(key)!;
        const fileVersion = versions.get(kind)!.get(key)!;
        const base = baseAt(kind, current, histories.get(kind)?.get(key) ?? [], fileVersion, incoming.storeVersion);
        const outcome = mergeItem(kind, entity, current, base, fileVersion, onConflict);
        if (!base && outcome.conflicts.length) {
          unknownBases += 1;
          if (notes.length < MAX_NOTES) {
            notes.push(
              `${kind} '${key}' is at version ${current.version} and the file has version ${fileVersion}, which the audit trail ` +
                'does not hold: every field that differs is treated as a conflict',
            );
          }
        }
        conflicts.push(...outcome.conflicts);
        addCount(merged, kind);
        return outcome.merged;
      });
    }
    doc = out as unknown as MapDocument;
    // What was kept from the store may not fit what the file changed (a second NCP): checked once more.
    const again = validateDocument(doc, context);
    if (!again.ok)
      return {
        problems: again.problems.map((p) => ({
          ...p,
          message: `after merging with the store's newer values: ${p.message}`,
        })),
      };
    doc = again.document;
  }
  if (unknownBases > notes.length)
    notes.push(`and ${unknownBases - notes.length} more items whose version in the file the audit trail does not hold`);

  const plan: Plan = {
    upserts: new Map(),
    deletes: new Map(),
    audit: [],
    result: {
      mode,
      dryRun,
      created: {},
      updated: {},
      deleted: {},
      unchanged: {},
      onConflict,
      merged,
      conflicts: conflicts.slice(0, MAX_LISTED_CONFLICTS),
      conflictCount: {
        total: conflicts.length,
        kept: conflicts.filter((c) => c.resolution === 'kept').length,
        overwritten: conflicts.filter((c) => c.resolution === 'overwritten').length,
      },
      kept,
      notes,
    },
  };
  for (const [kind, keys] of removed) {
    if (!keys.size) continue;
    plan.deletes.set(kind, [...keys]);
    addCount(plan.result.deleted, kind, keys.size);
    for (const key of keys)
      plan.audit.push(options.entry('delete', kind, key, stripMeta(state.get(kind)!.get(key)!), null));
  }
  for (const kind of DOCUMENT_KINDS) {
    const rows = new PlannedRows(options.stamp);
    for (const entity of itemsOf(doc, kind)) {
      const key = keyOf(kind, entity);
      const current = state.get(kind)?.get(key);
      if (!current) {
        const draft = options.entry('create', kind, key, null, entity);
        rows.add(draft, 1);
        addCount(plan.result.created, kind);
        plan.audit.push(draft);
      } else if (!deepEqual(stripMeta(current), entity)) {
        const draft = options.entry('update', kind, key, stripMeta(current), entity);
        rows.add(draft, current.version + 1);
        addCount(plan.result.updated, kind);
        plan.audit.push(draft);
      } else {
        addCount(plan.result.unchanged, kind);
      }
    }
    if (rows.length) plan.upserts.set(kind, rows);
  }
  return { problems: [], plan };
}

/** Items that stay in the store (not in the document, not removed) but would refer to removed ones. */
function danglingAfterRemoval(state: State, removed: Map<Kind, Set<string>>, doc: MapDocument): Problem[] {
  if (![...removed.values()].some((s) => s.size)) return [];
  const problems: Problem[] = [];
  for (const kind of DOCUMENT_KINDS) {
    const inDoc = new Set(itemsOf(doc, kind).map((e) => keyOf(kind, e)));
    for (const row of rowsOf(state, kind)) {
      const key = keyOf(kind, row);
      if (inDoc.has(key) || removed.get(kind)?.has(key)) continue;
      for (const spec of KIND_SPECS[kind].refs) {
        for (const value of refValues(row, spec)) {
          if (removed.get(spec.target)?.has(value)) {
            problems.push({
              path: `(store) ${KIND_SPECS[kind].collection}`,
              kind,
              id: key,
              field: spec.field,
              message: `this stored ${kind}, outside the document, refers to ${spec.target} '${value}', which the replace would remove`,
            });
          }
        }
      }
    }
  }
  return problems;
}
