// The embedded store's item and audit writes, one prepared statement per kind of write with positional
// parameters (an import binds them for every item of a region, 87,000 items and as many audit entries in one
// transaction). Serialising each planned entity once for its row and its audit entry was tried (a WeakMap from
// entity to JSON): the WeakMaps cost the garbage collector what the saved JSON.stringify calls gained.
import type Database from 'better-sqlite3';
import { keyOf, type AuditEntry, type Kind, type Stored } from '../../model';

/** Audit entries of kinds outside the map (rounds, accounts) change no store version: none is stamped. */
const UNVERSIONED_AUDIT_KINDS = new Set(['round', 'account']);

export interface EntityWrites {
  upsertMany(kind: Kind, rows: ReadonlyArray<Stored<Kind>>): void;
  deleteMany(kind: Kind, keys: readonly string[]): void;
  /** Appends entries stamped with the store version `committedAs` (none for rounds and accounts). */
  appendAudit(entries: ReadonlyArray<Omit<AuditEntry, 'seq'>>, committedAs: number): void;
}

export function entityWrites(db: Database.Database): EntityWrites {
  const upsertStmt = db.prepare(`INSERT INTO entities (kind, key, data, version, updated_at, updated_by)
    VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (kind, key) DO UPDATE SET data = excluded.data, version = excluded.version,
      updated_at = excluded.updated_at, updated_by = excluded.updated_by`);
  const deleteStmt = db.prepare('DELETE FROM entities WHERE kind = ? AND key = ?');
  const auditStmt = db.prepare(`INSERT INTO audit (at, actor, action, kind, key, countries, before, after, store_version)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  return {
    upsertMany(kind, rows) {
      for (const row of rows) {
        const { version, updatedAt, updatedBy, ...entity } = row;
        upsertStmt.run(kind, keyOf(kind, entity), JSON.stringify(entity), version, updatedAt, updatedBy);
      }
    },
    deleteMany(kind, keys) {
      for (const key of keys) deleteStmt.run(kind, key);
    },
    appendAudit(entries, committedAs) {
      for (const e of entries) {
        auditStmt.run(
          e.at, e.actor, e.action, e.kind, e.key, JSON.stringify(e.countries),
          e.before === null ? null : JSON.stringify(e.before), e.after === null ? null : JSON.stringify(e.after),
          UNVERSIONED_AUDIT_KINDS.has(e.kind) ? null : committedAs,
        );
      }
    },
  };
}
