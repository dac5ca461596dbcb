// The embedded store's item and audit writes, one prepared statement per kind of write with positional
// parameters (an import binds them for every item of a region, 87,000 items and as many audit entries in one
// transaction), and the country list's flow counts they keep (migration 7). An import's rows are written with their
// audit entries (upsertAudited): each item serialised once for its row and its entry's `after`, and no row objects.
// (A WeakMap from entity to JSON, tried before, cost the garbage collector what the saved JSON.stringify calls gained.)
import type Database from 'better-sqlite3';
import { keyOf, type AuditEntry, type Kind, type Stored } from '../../model';

/** Audit entries written by one statement (their values bound as one list) and the columns each binds. */
const AUDIT_BATCH = 128;
const AUDIT_COLUMNS = 9;

/** Audit entries of kinds outside the map (rounds, accounts) change no store version: none is stamped. */
const UNVERSIONED_AUDIT_KINDS = new Set(['round', 'account']);

type Entry = Omit<AuditEntry, 'seq'>;

/** An entry's countries as stored (JSON); a list of one country, an import's most common, made once per country. */
const ONE_COUNTRY = new Map<string, string>();
function countriesJson(countries: readonly string[]): string {
  if (countries.length !== 1) return JSON.stringify(countries);
  let json = ONE_COUNTRY.get(countries[0]!);
  if (json === undefined) ONE_COUNTRY.set(countries[0]!, (json = JSON.stringify(countries)));
  return json;
}

export interface EntityWrites {
  upsertMany(kind: Kind, rows: ReadonlyArray<Stored<Kind>>): void;
  /** Writes the items of the entries (their `after`) at `versions` with `stamp`, then the entries (see appendAudit). */
  upsertAudited(
    kind: Kind,
    entries: readonly Entry[],
    versions: readonly number[],
    stamp: { updatedAt: string; updatedBy: string },
    committedAs: number,
  ): void;
  deleteMany(kind: Kind, keys: readonly string[]): void;
  /** Appends entries stamped with the store version `committedAs` (none for rounds and accounts). */
  appendAudit(entries: ReadonlyArray<Omit<AuditEntry, 'seq'>>, committedAs: number): void;
  /** Forgets what an earlier transaction read (the adapter calls it as each transaction begins). */
  beginTransaction(): void;
}

export function entityWrites(db: Database.Database): EntityWrites {
  // An insert, and an update when the item exists: an upsert's DO UPDATE would fire the update triggers (migration 7)
  // and so make each insert keep a statement journal.
  const insertStmt = db.prepare(`INSERT INTO entities (kind, key, data, version, updated_at, updated_by)
    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kind, key) DO NOTHING`);
  const updateStmt = db.prepare(
    'UPDATE entities SET data = ?, version = ?, updated_at = ?, updated_by = ? WHERE kind = ? AND key = ?',
  );
  const deleteStmt = db.prepare('DELETE FROM entities WHERE kind = ? AND key = ?');
  // Audit entries AUDIT_BATCH to a statement (the rest one by one): each execution of the insert builds its CHECK's
  // list of actions and reads and writes the table's AUTOINCREMENT counter, once for all the rows it inserts. OR FAIL:
  // a statement of several rows that may abort keeps a statement journal (a copy of each page it changes, spilled to a
  // temporary file), to undo its own rows; a failure fails the whole transaction here anyway (it is rolled back).
  const auditSql = (
    rows: number,
  ) => `INSERT OR FAIL INTO audit (at, actor, action, kind, key, countries, before, after, store_version)
    VALUES ${new Array<string>(rows).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`;
  const auditStmt = db.prepare(auditSql(1));
  const auditBatchStmt = db.prepare(auditSql(AUDIT_BATCH));
  const flowPairs = flowPairWrites(db);
  /** Inserts or updates one row; whether it was inserted. */
  const write = (kind: Kind, key: string, data: string, version: number, updatedAt: string, updatedBy: string) => {
    if (insertStmt.run(kind, key, data, version, updatedAt, updatedBy).changes) return true;
    updateStmt.run(data, version, updatedAt, updatedBy, kind, key);
    return false;
  };
  /** Appends entries; `afterJson[i]`, when given, is entry i's `after` serialised already. */
  const appendAudit = (entries: readonly Entry[], committedAs: number, afterJson?: readonly string[]) => {
    const params: unknown[] = new Array(AUDIT_COLUMNS * Math.min(entries.length, AUDIT_BATCH));
    const bind = (index: number, at: number) => {
      const e = entries[index]!;
      params[at] = e.at;
      params[at + 1] = e.actor;
      params[at + 2] = e.action;
      params[at + 3] = e.kind;
      params[at + 4] = e.key;
      params[at + 5] = countriesJson(e.countries);
      params[at + 6] = e.before === null ? null : JSON.stringify(e.before);
      params[at + 7] = afterJson ? afterJson[index] : e.after === null ? null : JSON.stringify(e.after);
      params[at + 8] = UNVERSIONED_AUDIT_KINDS.has(e.kind) ? null : committedAs;
    };
    let i = 0;
    for (; i + AUDIT_BATCH <= entries.length; i += AUDIT_BATCH) {
      for (let j = 0; j < AUDIT_BATCH; j++) bind(i + j, j * AUDIT_COLUMNS);
      auditBatchStmt.run(params);
    }
    params.length = AUDIT_COLUMNS;
    for (; i < entries.length; i++) {
      bind(i, 0);
      auditStmt.run(params);
    }
  };
  /** The counts of flows written, and of flows naming stakeholders created. */
  const countWritten = (kind: Kind, written: ReadonlyArray<{ from: string; to: string }>, created: string[]) => {
    if (kind === 'flow') flowPairs.add(written);
    if (created.length) flowPairs.addFlowsNaming(created);
  };
  return {
    upsertMany(kind, rows) {
      if (kind === 'stakeholder') flowPairs.forget();
      const created: string[] = [];
      for (const row of rows) {
        const { version, updatedAt, updatedBy, ...entity } = row;
        const key = keyOf(kind, entity);
        if (write(kind, key, JSON.stringify(entity), version, updatedAt, updatedBy) && kind === 'stakeholder')
          created.push(key);
      }
      countWritten(kind, rows as ReadonlyArray<Stored<'flow'>>, created);
    },
    upsertAudited(kind, entries, versions, { updatedAt, updatedBy }, committedAs) {
      if (kind === 'stakeholder') flowPairs.forget();
      const created: string[] = [];
      const json = new Array<string>(entries.length);
      const items = new Array<{ from: string; to: string }>(entries.length);
      for (let i = 0; i < entries.length; i++) {
        const { key, after } = entries[i]!;
        const data = JSON.stringify(after);
        json[i] = data;
        items[i] = after as { from: string; to: string };
        if (write(kind, key, data, versions[i]!, updatedAt, updatedBy) && kind === 'stakeholder') created.push(key);
      }
      countWritten(kind, items, created);
      appendAudit(entries, committedAs, json);
    },
    deleteMany(kind, keys) {
      if (kind === 'stakeholder') flowPairs.forget();
      for (const key of keys) deleteStmt.run(kind, key);
    },
    appendAudit(entries, committedAs) {
      appendAudit(entries, committedAs);
    },
    beginTransaction() {
      flowPairs.forget();
    },
  };
}

/** Above this many stakeholders to look up, their countries are read in one pass over the (country) index. */
const LOOKUPS_BEFORE_SCAN = 500;

/**
 * The country list's flow counts (migration 7's flow_country_pairs: flows per pair of their ends' countries, '' for an
 * end that does not exist). The triggers take out what an update or a delete replaces; these add each flow written,
 * and move the flows naming a stakeholder created (none while the store keeps its references: looked for only when
 * the store holds a flow) from their pair without it to their pair with it.
 */
function flowPairWrites(db: Database.Database) {
  const countryStmt = db
    .prepare("SELECT json_extract(data, '$.country') FROM entities WHERE kind = 'stakeholder' AND key = ?")
    .pluck();
  const allCountriesStmt = db
    .prepare(
      `SELECT key, json_extract(data, '$.country') FROM entities INDEXED BY stakeholder_by_country
    WHERE kind = 'stakeholder'`,
    )
    .raw();
  const addStmt = db.prepare(
    'INSERT INTO flow_country_pairs (a, b, n) VALUES (?, ?, ?) ON CONFLICT (a, b) DO UPDATE SET n = n + excluded.n',
  );
  const anyFlowStmt = db.prepare("SELECT 1 FROM entities WHERE kind = 'flow' LIMIT 1").pluck();
  const flowsNamingStmt = db
    .prepare(
      `
    SELECT key, json_extract(data, '$.from'), json_extract(data, '$.to') FROM entities INDEXED BY flow_by_ends
      WHERE kind = 'flow' AND json_extract(data, '$.from') = @key
    UNION ALL
    SELECT key, json_extract(data, '$.from'), json_extract(data, '$.to') FROM entities INDEXED BY flow_by_to
      WHERE kind = 'flow' AND json_extract(data, '$.to') = @key`,
    )
    .raw();

  /**
   * Every stakeholder's country as the last scan read it, kept while the transaction changes no stakeholder (the
   * writes above forget it, and so does a new transaction): an import of a region adds its flows 8,192 at a time, and
   * each batch names most of its 13,000 stakeholders (one scan per batch cost some 0.1 s).
   */
  let scanned: Map<string, string> | undefined;

  /** The countries of stakeholders, '' for those that do not exist. */
  const countriesOf = (keys: ReadonlySet<string>): Map<string, string> => {
    const countryOf = new Map<string, string>();
    if (keys.size > LOOKUPS_BEFORE_SCAN) {
      scanned ??= new Map(allCountriesStmt.all() as Array<[string, string]>);
      for (const key of keys) if (scanned.has(key)) countryOf.set(key, scanned.get(key)!);
    } else {
      for (const key of keys) countryOf.set(key, (countryStmt.get(key) as string | undefined) ?? '');
    }
    for (const key of keys) if (!countryOf.has(key)) countryOf.set(key, '');
    return countryOf;
  };

  /** Adds `n` (1 or -1) to the pair of each flow's ends' countries. */
  const add = (
    flows: Iterable<{ from: string; to: string }>,
    countryOf: ReadonlyMap<string, string>,
    n: number,
  ): void => {
    const pairs = new Map<string, Map<string, number>>();
    for (const f of flows) {
      const a = countryOf.get(f.from)!;
      const b = countryOf.get(f.to)!;
      const row = pairs.get(a) ?? new Map<string, number>();
      if (!row.size) pairs.set(a, row);
      row.set(b, (row.get(b) ?? 0) + n);
    }
    for (const [a, row] of pairs) for (const [b, sum] of row) addStmt.run(a, b, sum);
  };

  const endsOf = (flows: Iterable<{ from: string; to: string }>): Set<string> => {
    const ends = new Set<string>();
    for (const f of flows) {
      ends.add(f.from);
      ends.add(f.to);
    }
    return ends;
  };

  return {
    /** Forgets the stakeholders' countries read (before a stakeholder is written or deleted, and as a transaction begins). */
    forget(): void {
      scanned = undefined;
    },
    /** Adds flows just written. */
    add(flows: ReadonlyArray<{ from: string; to: string }>): void {
      add(flows, countriesOf(endsOf(flows)), 1);
    },
    /** Moves the flows naming stakeholders just created (each flow once) from the pair without them to the pair with them. */
    addFlowsNaming(stakeholders: readonly string[]): void {
      if (!anyFlowStmt.get()) return;
      const flows = new Map<string, { from: string; to: string }>();
      for (const key of stakeholders) {
        for (const [flow, from, to] of flowsNamingStmt.all({ key }) as Array<[string, string, string]>)
          flows.set(flow, { from, to });
      }
      if (!flows.size) return;
      const now = countriesOf(endsOf(flows.values()));
      const before = new Map(now);
      for (const key of stakeholders) before.set(key, '');
      add(flows.values(), before, -1);
      add(flows.values(), now, 1);
    },
  };
}
