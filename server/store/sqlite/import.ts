// The embedded store's item and audit writes, shaped for an import of a region (87,000 items and as many audit
// entries in one transaction): each planned entity is serialised once, for its row and for the audit entry whose
// `after` it is (import-plan.ts records which entity a planned row was made from), with one prepared statement
// per kind of write and positional parameters.
import type Database from 'better-sqlite3';
import { keyOf, type AuditEntry, type Kind, type Stored } from '../../model';
import { PLANNED_ENTITY } from '../import-plan';

/** Audit entries of kinds outside the map (rounds, accounts) change no store version: none is stamped. */
const UNVERSIONED_AUDIT_KINDS = new Set(['round', 'account']);

export interface EntityWrites {
  upsertMany(kind: Kind, rows: ReadonlyArray<Stored<Kind>>): void;
  deleteMany(kind: Kind, keys: readonly string[]): void;
  /** Appends entries stamped with the store version `committedAs` (none for rounds and accounts). */
  appendAudit(entries: ReadonlyArray<Omit<AuditEntry, 'seq'>>, committedAs: number): void;
}

/** JSON of `value`: null stays null. */
function json(value: unknown): string | null {
  return value === null ? null : JSON.stringify(value);
}

export function entityWrites(db: Database.Database): EntityWrites {
  const upsertStmt = db.prepare(`INSERT INTO entities (kind, key, data, version, updated_at, updated_by)
    VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (kind, key) DO UPDATE SET data = excluded.data, version = excluded.version,
      updated_at = excluded.updated_at, updated_by = excluded.updated_by`);
  const deleteStmt = db.prepare('DELETE FROM entities WHERE kind = ? AND key = ?');
  const auditStmt = db.prepare(`INSERT INTO audit (at, actor, action, kind, key, countries, before, after, store_version)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  /**
   * The JSON written for a planned entity, by identity, kept until its audit entry is written (the entries of an
   * import are appended after its rows). Planned entities are not changed once planned.
   */
  let written = new WeakMap<object, string>();
  return {
    upsertMany(kind, rows) {
      for (const row of rows) {
        const entity = PLANNED_ENTITY.get(row);
        if (entity) {
          const data = JSON.stringify(entity);
          written.set(entity, data);
          upsertStmt.run(kind, keyOf(kind, entity), data, row.version, row.updatedAt, row.updatedBy);
          continue;
        }
        const { version, updatedAt, updatedBy, ...rest } = row;
        upsertStmt.run(kind, keyOf(kind, rest), JSON.stringify(rest), version, updatedAt, updatedBy);
      }
    },
    deleteMany(kind, keys) {
      for (const key of keys) deleteStmt.run(kind, key);
    },
    appendAudit(entries, committedAs) {
      for (const e of entries) {
        const after = e.after !== null && typeof e.after === 'object' ? written.get(e.after) ?? json(e.after) : json(e.after);
        auditStmt.run(
          e.at, e.actor, e.action, e.kind, e.key, JSON.stringify(e.countries), json(e.before), after,
          UNVERSIONED_AUDIT_KINDS.has(e.kind) ? null : committedAs,
        );
      }
      written = new WeakMap();
    },
  };
}
