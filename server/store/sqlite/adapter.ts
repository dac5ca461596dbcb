// The embedded store: better-sqlite3 in WAL mode, one JSON row per entity, rounds as JSON documents,
// accounts and sessions in their own tables, schema migrations.
// better-sqlite3 is synchronous, so transactions are serialised through one queue: an async
// callback inside BEGIN ... COMMIT can never interleave with another request's statements.
// Over 350 lines on purpose: it is the one implementation of TxOps over SQL (each operation a prepared statement
// or two), kept beside its transaction queue; the import's bulk writes (import.ts) and the migrations are apart.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { roundNameKey, roundScope, type AuditEntry, type Kind, type Stored } from '../../model';
import type {
  Adapter,
  AuditQuery,
  StoreChange,
  StoredAccount,
  StoredRound,
  StoredRoundSummary,
  StoredPresence,
  StoredSession,
  ThrottleEntry,
  TxOps,
} from '../port';
import type { EntityLists } from '../entity-lists';
import { entityWrites, type EntityWrites } from './import';
import { MIGRATIONS, PERSONAL_FLOW_LEVELS } from './migrations';

interface RoundRow {
  id: string;
  seq: number;
  name: string;
  country: string | null;
  note: string | null;
  created_at: string;
  created_by: string;
  store_version: number;
  counts: string;
  document?: string;
}

function toRound(r: RoundRow): StoredRoundSummary {
  return {
    id: r.id,
    seq: r.seq,
    name: r.name,
    country: r.country,
    ...(r.note !== null ? { note: r.note } : {}),
    createdAt: r.created_at,
    createdBy: r.created_by,
    storeVersion: r.store_version,
    counts: JSON.parse(r.counts) as StoredRound['counts'],
  };
}

interface AccountRow {
  username: string;
  role: StoredAccount['role'];
  countries: string;
  display_name: string | null;
  password_hash: string;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

function toAccount(r: AccountRow): StoredAccount {
  return {
    username: r.username,
    role: r.role,
    countries: JSON.parse(r.countries) as string[],
    ...(r.display_name !== null ? { displayName: r.display_name } : {}),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    ...(r.last_login_at !== null ? { lastLoginAt: r.last_login_at } : {}),
    passwordHash: r.password_hash,
  };
}

interface SessionRow {
  id_hash: string;
  username: string;
  created_at: string;
  expires_at: string;
  idle_expires_at: string;
}

function toSession(r: SessionRow): StoredSession {
  return {
    idHash: r.id_hash,
    username: r.username,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    idleExpiresAt: r.idle_expires_at,
  };
}

const AUDIT_COLUMNS = 'seq, at, actor, action, kind, key, countries, before, after, store_version';

function toAuditEntry(r: Record<string, unknown>): AuditEntry {
  return {
    seq: r.seq as number,
    at: r.at as string,
    actor: r.actor as string,
    action: r.action as AuditEntry['action'],
    kind: r.kind as string,
    key: r.key as string,
    countries: JSON.parse(r.countries as string) as string[],
    before: r.before === null ? null : JSON.parse(r.before as string),
    after: r.after === null ? null : JSON.parse(r.after as string),
    ...(typeof r.store_version === 'number' ? { storeVersion: r.store_version } : {}),
  };
}

interface EntityRow {
  key: string;
  data: string;
  version: number;
  updated_at: string;
  updated_by: string;
}

export class SqliteAdapter implements Adapter {
  readonly kind = 'sqlite' as const;
  private db?: Database.Database;
  private queue: Promise<unknown> = Promise.resolve();
  /** Whether the running transaction has bumped the store version yet (audit entries are stamped with the version it commits as). */
  private bumped = false;

  /** `file` is a path, or ':memory:' for a throw-away store. */
  constructor(private readonly file: string) {}

  async init(): Promise<void> {
    if (this.db) return;
    if (this.file !== ':memory:') fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const db = new Database(this.file);
    // 16 KB pages for a new store (an existing one keeps its own): rows of a few hundred bytes of JSON, whose region
    // (87,000 items and as many audit entries) writes, commits and checkpoints in half the CPU of 4 KB pages.
    db.pragma('page_size = 16384');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // A page cache of up to 64 MB (default 2 MB): a region's import (one transaction) then writes each page once
    // instead of spilling and re-reading the B-trees it grows; committed data stay as durable as before.
    db.pragma('cache_size = -65536');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    this.db = db;
  }

  read<T>(fn: (tx: TxOps) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN', fn);
  }

  write<T>(fn: (tx: TxOps) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN IMMEDIATE', fn);
  }

  async audit(query: AuditQuery): Promise<AuditEntry[]> {
    const db = this.open();
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: Math.min(query.limit ?? 200, 10000) };
    if (query.kind) {
      where.push('kind = @kind');
      params.kind = query.kind;
    }
    if (query.key) {
      where.push('key = @key');
      params.key = query.key;
    }
    if (query.actor) {
      where.push('actor = @actor');
      params.actor = query.actor;
    }
    if (query.country) {
      where.push('EXISTS (SELECT 1 FROM json_each(audit.countries) WHERE value = @country)');
      params.country = query.country;
    }
    if (query.after !== undefined) {
      where.push('seq > @after');
      params.after = query.after;
    }
    if (query.before !== undefined) {
      where.push('seq < @before');
      params.before = query.before;
    }
    const sql = `SELECT ${AUDIT_COLUMNS} FROM audit
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT @limit`;
    return (db.prepare(sql).all(params) as Array<Record<string, unknown>>).map(toAuditEntry);
  }

  async auditActors(): Promise<string[]> {
    const rows = this.open().prepare('SELECT DISTINCT actor FROM audit').all() as Array<{ actor: string }>;
    return rows.map((r) => r.actor).sort();
  }

  async ping(): Promise<void> {
    this.open().prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    this.db?.close();
    this.db = undefined;
    this.cachedOps = undefined;
    this.writes = undefined;
  }

  private open(): Database.Database {
    if (!this.db) throw new Error('SQLite store is not initialised (call init first)');
    return this.db;
  }

  private transaction<T>(begin: string, fn: (tx: TxOps) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      const db = this.open();
      db.exec(begin);
      this.bumped = false;
      this.writes?.beginTransaction();
      try {
        const result = await fn(this.ops(db));
        db.exec('COMMIT');
        return result;
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw err;
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private cachedOps?: TxOps & EntityLists;
  /** The item and audit writes of cachedOps (sqlite/import.ts), told when a transaction begins. */
  private writes?: EntityWrites;

  private ops(db: Database.Database): TxOps & EntityLists {
    this.cachedOps ??= this.prepareOps(db);
    return this.cachedOps;
  }

  private prepareOps(db: Database.Database): TxOps & EntityLists {
    const toStored = <K extends Kind>(r: EntityRow): Stored<K> =>
      ({ ...JSON.parse(r.data), version: r.version, updatedAt: r.updated_at, updatedBy: r.updated_by }) as Stored<K>;
    const listStmt = db.prepare(
      'SELECT key, data, version, updated_at, updated_by FROM entities WHERE kind = ? ORDER BY key',
    );
    // Whole-store reads (entity-lists.ts): the stored JSON alone, one string per row.
    const dataStmt = db.prepare('SELECT data FROM entities WHERE kind = ? ORDER BY key').pluck();
    const getStmt = db.prepare(
      'SELECT key, data, version, updated_at, updated_by FROM entities WHERE kind = ? AND key = ?',
    );
    // Item and audit writes (sqlite/import.ts): an import makes them for every item of a region.
    const writes = entityWrites(db);
    this.writes = writes;
    const historyStmt = db.prepare(`SELECT ${AUDIT_COLUMNS} FROM audit WHERE kind = ? AND key = ? ORDER BY seq`);
    // Scoped reads (migration 6's indexes, named with INDEXED BY: without statistics the planner would scan the
    // primary key). `+o.key` drops the column's affinity, so that the comparison can use an expression index.
    const columns = 'key, data, version, updated_at, updated_by';
    const own = `SELECT key FROM entities INDEXED BY stakeholder_by_country WHERE kind = 'stakeholder' AND json_extract(data, '$.country') = @country`;
    const byEnds = (kind: string, fromIndex: string, toIndex: string) =>
      db.prepare(`
      SELECT f.${columns.split(', ').join(', f.')} FROM (${own}) o CROSS JOIN entities f INDEXED BY ${fromIndex}
        WHERE f.kind = '${kind}' AND json_extract(f.data, '$.from') = +o.key
      UNION
      SELECT f.${columns.split(', ').join(', f.')} FROM (${own}) o CROSS JOIN entities f INDEXED BY ${toIndex}
        WHERE f.kind = '${kind}' AND json_extract(f.data, '$.to') = +o.key
      ORDER BY 1`);
    const byStakeholder = (kind: string, field: string, index: string) =>
      db.prepare(`
      SELECT f.${columns.split(', ').join(', f.')} FROM (${own}) o CROSS JOIN entities f INDEXED BY ${index}
        WHERE f.kind = '${kind}' AND json_extract(f.data, '$.${field}') = +o.key ORDER BY f.key`);
    const scoped = {
      stakeholder: db.prepare(`SELECT ${columns} FROM entities INDEXED BY stakeholder_by_country
        WHERE kind = 'stakeholder' AND json_extract(data, '$.country') = @country
        UNION SELECT ${columns} FROM entities WHERE kind = 'stakeholder' AND key IN (SELECT value FROM json_each(@ends)) ORDER BY key`),
      network: db.prepare(`SELECT ${columns} FROM entities INDEXED BY network_by_country
        WHERE kind = 'network' AND json_extract(data, '$.country') = @country ORDER BY key`),
      flow: byEnds('flow', 'flow_by_ends', 'flow_by_to'),
      reportingLine: byEnds('reportingLine', 'reporting_line_by_from', 'reporting_line_by_to'),
      dataset: byStakeholder('dataset', 'holder', 'dataset_by_holder'),
      interview: byStakeholder('interview', 'stakeholder', 'interview_by_stakeholder'),
      membership: db.prepare(`
        SELECT f.${columns.split(', ').join(', f.')} FROM (${own}) o CROSS JOIN entities f INDEXED BY membership_by_stakeholder
          WHERE f.kind = 'membership' AND json_extract(f.data, '$.stakeholder') = +o.key
        UNION
        SELECT f.${columns.split(', ').join(', f.')} FROM (SELECT key FROM entities INDEXED BY network_by_country
            WHERE kind = 'network' AND json_extract(data, '$.country') = @country) o
          CROSS JOIN entities f INDEXED BY membership_by_network
          WHERE f.kind = 'membership' AND json_extract(f.data, '$.network') = +o.key
        ORDER BY 1`),
    };
    const stakeholderCountsStmt = db.prepare(`SELECT json_extract(data, '$.country') AS country, count(*) AS n,
      min(CASE WHEN json_extract(data, '$.ncp') THEN key END) AS ncp
      FROM entities INDEXED BY stakeholder_by_country WHERE kind = 'stakeholder' GROUP BY 1`);
    // Flows per pair of their ends' countries, kept as flows and stakeholders are written (migration 7); a country's
    // flows are those of its pairs.
    const flowPairsStmt = db.prepare('SELECT a, b, n FROM flow_country_pairs WHERE n <> 0');
    // The flows whose personalData is one of @levels (a JSON array), per pair of their ends' countries, asked only for
    // a role that may not see them (the service caches the answer per store version). Levels within migration 9's
    // partial index (a viewer's country list) are read from it alone, their ends' countries by key; others by a scan.
    const personalPairs = (indexed: boolean) =>
      db.prepare(`WITH f AS MATERIALIZED (SELECT json_extract(data, '$.from') AS fr, json_extract(data, '$.to') AS t
          FROM entities ${indexed ? 'INDEXED BY flow_personal' : ''} WHERE kind = 'flow'
          ${indexed ? `AND json_extract(data, '$.personalData') IN (${PERSONAL_FLOW_LEVELS.map((l) => `'${l}'`).join(', ')})` : ''}
          AND json_extract(data, '$.personalData') IN (SELECT value FROM json_each(@levels)))
        SELECT coalesce(a.c, '') AS a, coalesce(b.c, '') AS b, count(*) AS n FROM f
          LEFT JOIN (SELECT key, json_extract(data, '$.country') AS c FROM entities WHERE kind = 'stakeholder') a
            ON a.key = f.fr
          LEFT JOIN (SELECT key, json_extract(data, '$.country') AS c FROM entities WHERE kind = 'stakeholder') b
            ON b.key = f.t
        GROUP BY 1, 2`);
    const personalPairsIndexedStmt = personalPairs(true);
    const personalPairsStmt = personalPairs(false);
    const changesStmt =
      db.prepare(`SELECT store_version, action, kind, key, countries FROM audit INDEXED BY audit_by_store_version
      WHERE store_version > @after AND store_version <= @upTo ORDER BY store_version, seq LIMIT @limit`);
    const roundColumns = 'id, seq, name, country, note, created_at, created_by, store_version, counts';
    const putRoundStmt = db.prepare(`INSERT INTO rounds (${roundColumns}, name_key, scope, document)
      VALUES (@id, @seq, @name, @country, @note, @createdAt, @createdBy, @storeVersion, @counts, @nameKey, @scope, @document)`);
    const getRoundStmt = db.prepare(`SELECT ${roundColumns}, document FROM rounds WHERE id = ?`);
    const listRoundsStmt = db.prepare(`SELECT ${roundColumns} FROM rounds`);
    const deleteRoundStmt = db.prepare('DELETE FROM rounds WHERE id = ?');
    const roundSeqStmt = db.prepare("UPDATE meta SET value = value + 1 WHERE key = 'round_seq' RETURNING value");
    const versionStmt = db.prepare("SELECT value FROM meta WHERE key = 'store_version'");
    const bumpStmt = db.prepare("UPDATE meta SET value = value + 1 WHERE key = 'store_version'");
    /** The store version this transaction commits as (audit entries are stamped with it). */
    const committedAs = () => {
      const current = Number((versionStmt.get() as { value: number }).value);
      return this.bumped ? current : current + 1;
    };
    const accountColumns =
      'username, role, countries, display_name, password_hash, created_at, updated_at, last_login_at';
    const listAccountsStmt = db.prepare(`SELECT ${accountColumns} FROM accounts ORDER BY username`);
    const getAccountStmt = db.prepare(`SELECT ${accountColumns} FROM accounts WHERE username = ?`);
    const putAccountStmt = db.prepare(`INSERT INTO accounts (${accountColumns})
      VALUES (@username, @role, @countries, @displayName, @passwordHash, @createdAt, @updatedAt, @lastLoginAt)
      ON CONFLICT (username) DO UPDATE SET role = excluded.role, countries = excluded.countries,
        display_name = excluded.display_name, password_hash = excluded.password_hash, created_at = excluded.created_at,
        updated_at = excluded.updated_at, last_login_at = excluded.last_login_at`);
    const deleteAccountStmt = db.prepare('DELETE FROM accounts WHERE username = ?');
    const putSessionStmt = db.prepare(`INSERT INTO sessions (id_hash, username, created_at, expires_at, idle_expires_at)
      VALUES (@idHash, @username, @createdAt, @expiresAt, @idleExpiresAt)`);
    const getSessionStmt = db.prepare(
      'SELECT id_hash, username, created_at, expires_at, idle_expires_at FROM sessions WHERE id_hash = ?',
    );
    const touchSessionStmt = db.prepare('UPDATE sessions SET idle_expires_at = ? WHERE id_hash = ?');
    const deleteSessionStmt = db.prepare('DELETE FROM sessions WHERE id_hash = ?');
    const deleteSessionsOfStmt = db.prepare(
      'DELETE FROM sessions WHERE username = @username AND (@except IS NULL OR id_hash <> @except)',
    );
    const purgeSessionsStmt = db.prepare('DELETE FROM sessions WHERE expires_at <= @now OR idle_expires_at <= @now');
    const presenceColumns = 'id_hash, tab, username, role, country, view, editing_kind, editing_key, expires_at';
    const putPresenceStmt = db.prepare(`INSERT OR REPLACE INTO presence (${presenceColumns})
      VALUES (@idHash, @tab, @username, @role, @country, @view, @editingKind, @editingKey, @expiresAt)`);
    const deletePresenceStmt = db.prepare(
      'DELETE FROM presence WHERE id_hash = @idHash AND (@tab IS NULL OR tab = @tab)',
    );
    const listPresenceStmt = db.prepare(`SELECT id_hash AS idHash, tab, username, role, country, view,
      editing_kind AS editingKind, editing_key AS editingKey, expires_at AS expiresAt
      FROM presence WHERE expires_at > ? ORDER BY username, tab`);
    const purgePresenceStmt = db.prepare('DELETE FROM presence WHERE expires_at <= ?');
    const getThrottleStmt = db.prepare(
      'SELECT key, failures, last_failure_at, locked_until FROM login_throttle WHERE key = ?',
    );
    const putThrottleStmt = db.prepare(`INSERT INTO login_throttle (key, failures, last_failure_at, locked_until)
      VALUES (@key, @failures, @lastFailureAt, @lockedUntil)
      ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at,
        locked_until = excluded.locked_until`);
    const deleteThrottleStmt = db.prepare('DELETE FROM login_throttle WHERE key = ?');
    const purgeThrottleStmt = db.prepare(
      'DELETE FROM login_throttle WHERE last_failure_at < @before AND coalesce(locked_until, 0) <= @now',
    );

    return {
      async list<K extends Kind>(kind: K) {
        return (listStmt.all(kind) as EntityRow[]).map((r) => toStored<K>(r));
      },
      async listEntities(kind: Kind) {
        return (dataStmt.all(kind) as string[]).map((data) => JSON.parse(data) as object);
      },
      async getMany<K extends Kind>(kind: K, keys: readonly string[]) {
        const found = new Map<string, Stored<K>>();
        for (const key of new Set(keys)) {
          const row = getStmt.get(kind, key) as EntityRow | undefined;
          if (row) found.set(key, toStored<K>(row));
        }
        return found;
      },
      async countryMap(country: string) {
        const rows = <K extends Kind>(stmt: Database.Statement, params: object) =>
          (stmt.all(params) as EntityRow[]).map((r) => toStored<K>(r));
        const p = { country };
        const flow = rows<'flow'>(scoped.flow, p);
        const ownIds = new Set((scoped.stakeholder.all({ ...p, ends: '[]' }) as EntityRow[]).map((r) => r.key));
        const ends = [...new Set(flow.flatMap((f) => [f.from, f.to]))].filter((id) => !ownIds.has(id));
        const found = getStmt.get('country', country) as EntityRow | undefined;
        return {
          country: found ? [toStored<'country'>(found)] : [],
          stakeholder: rows<'stakeholder'>(scoped.stakeholder, { ...p, ends: JSON.stringify(ends) }),
          flow,
          dataset: rows<'dataset'>(scoped.dataset, p),
          reportingLine: rows<'reportingLine'>(scoped.reportingLine, p),
          network: rows<'network'>(scoped.network, p),
          membership: rows<'membership'>(scoped.membership, p),
          interview: rows<'interview'>(scoped.interview, p),
        };
      },
      async countryCounts(options?: { personalData?: readonly string[] }) {
        const stakeholders = new Map(
          (stakeholderCountsStmt.all() as Array<{ country: string; n: number; ncp: string | null }>).map((r) => [
            r.country,
            r,
          ]),
        );
        type Pairs = Array<{ a: string; b: string; n: number }>;
        /** Flows per country from flows per pair of their ends' countries. */
        const byCountry = (pairs: Pairs) => {
          const flows = new Map<string, number>();
          for (const { a, b, n } of pairs) {
            flows.set(a, (flows.get(a) ?? 0) + n);
            if (b !== a) flows.set(b, (flows.get(b) ?? 0) + n);
          }
          return flows;
        };
        const flows = byCountry(flowPairsStmt.all() as Pairs);
        const personal = options?.personalData
          ? byCountry(
              (options.personalData.every((l) => PERSONAL_FLOW_LEVELS.includes(l))
                ? personalPairsIndexedStmt
                : personalPairsStmt
              ).all({ levels: JSON.stringify(options.personalData) }) as Pairs,
            )
          : undefined;
        return (listStmt.all('country') as EntityRow[]).map((r) => {
          const country = toStored<'country'>(r);
          const s = stakeholders.get(country.code);
          return {
            country,
            ncp: s?.ncp ?? null,
            stakeholders: s?.n ?? 0,
            flows: flows.get(country.code) ?? 0,
            ...(personal ? { personalFlows: personal.get(country.code) ?? 0 } : {}),
          };
        });
      },
      async changesBetween(after: number, upTo: number, limit: number) {
        return (changesStmt.all({ after, upTo, limit }) as Array<Record<string, unknown>>).map((r) => ({
          storeVersion: r.store_version as number,
          action: r.action as AuditEntry['action'],
          kind: r.kind as AuditEntry['kind'],
          key: r.key as string,
          countries: JSON.parse(r.countries as string) as string[],
        })) as StoreChange[];
      },
      async upsertMany(kind, rows) {
        writes.upsertMany(kind, rows);
      },
      async deleteMany(kind, keys) {
        writes.deleteMany(kind, keys);
      },
      // Arrows, not methods: `this` is the adapter, whose `bumped` says whether this transaction moved the version.
      appendAudit: async (entries) => {
        writes.appendAudit(entries, committedAs());
      },
      upsertAudited: async (kind, entries, versions, stamp) => {
        writes.upsertAudited(kind, entries, versions, stamp, committedAs());
      },
      async history(kind, keys) {
        return [...new Set(keys)]
          .flatMap((key) => historyStmt.all(kind, key) as Array<Record<string, unknown>>)
          .map(toAuditEntry)
          .sort((a, b) => a.seq - b.seq);
      },
      bumpVersion: async () => {
        bumpStmt.run();
        this.bumped = true;
        return Number((versionStmt.get() as { value: number }).value);
      },
      async version() {
        return Number((versionStmt.get() as { value: number }).value);
      },
      async nextRoundSeq() {
        return Number((roundSeqStmt.get() as { value: number }).value);
      },
      async putRound(round: StoredRound) {
        putRoundStmt.run({
          id: round.id,
          seq: round.seq,
          name: round.name,
          country: round.country,
          note: round.note ?? null,
          createdAt: round.createdAt,
          createdBy: round.createdBy,
          storeVersion: round.storeVersion,
          counts: JSON.stringify(round.counts),
          nameKey: roundNameKey(round.name),
          scope: roundScope(round.country),
          document: JSON.stringify(round.document),
        });
      },
      async getRound(id: string) {
        const row = getRoundStmt.get(id) as RoundRow | undefined;
        return row ? { ...toRound(row), document: JSON.parse(row.document!) as StoredRound['document'] } : undefined;
      },
      async listRounds() {
        return (listRoundsStmt.all() as RoundRow[]).map(toRound);
      },
      async deleteRound(id: string) {
        deleteRoundStmt.run(id);
      },
      // Write transactions are BEGIN IMMEDIATE: already serialised.
      async lockAccounts() {},
      async listAccounts() {
        return (listAccountsStmt.all() as AccountRow[]).map(toAccount);
      },
      async getAccount(username: string) {
        const row = getAccountStmt.get(username) as AccountRow | undefined;
        return row ? toAccount(row) : undefined;
      },
      async putAccount(a: StoredAccount) {
        putAccountStmt.run({
          username: a.username,
          role: a.role,
          countries: JSON.stringify(a.countries),
          displayName: a.displayName ?? null,
          passwordHash: a.passwordHash,
          createdAt: a.createdAt,
          updatedAt: a.updatedAt,
          lastLoginAt: a.lastLoginAt ?? null,
        });
      },
      async deleteAccount(username: string) {
        deleteAccountStmt.run(username);
      },
      async putSession(session: StoredSession) {
        putSessionStmt.run(session);
      },
      async getSession(idHash: string) {
        const row = getSessionStmt.get(idHash) as SessionRow | undefined;
        return row ? toSession(row) : undefined;
      },
      async touchSession(idHash: string, idleExpiresAt: string) {
        touchSessionStmt.run(idleExpiresAt, idHash);
      },
      async deleteSession(idHash: string) {
        deleteSessionStmt.run(idHash);
      },
      async deleteSessionsOf(username: string, exceptIdHash?: string) {
        return deleteSessionsOfStmt.run({ username, except: exceptIdHash ?? null }).changes;
      },
      async purgeSessions(now: string) {
        return purgeSessionsStmt.run({ now }).changes;
      },
      async putPresence(presence: StoredPresence) {
        putPresenceStmt.run(presence);
      },
      async deletePresence(idHash: string, tab?: string) {
        deletePresenceStmt.run({ idHash, tab: tab ?? null });
      },
      async listPresence(now: string) {
        return listPresenceStmt.all(now) as StoredPresence[];
      },
      async purgePresence(now: string) {
        purgePresenceStmt.run(now);
      },
      // Write transactions are BEGIN IMMEDIATE: the map and the throttle are locked already.
      async lockMap() {},
      async lockThrottle() {},
      async getThrottle(keys: readonly string[]) {
        const found = new Map<string, ThrottleEntry>();
        for (const key of new Set(keys)) {
          const r = getThrottleStmt.get(key) as
            { key: string; failures: number; last_failure_at: number; locked_until: number | null } | undefined;
          if (!r) continue;
          found.set(key, {
            key: r.key,
            failures: r.failures,
            lastFailureAt: r.last_failure_at,
            ...(r.locked_until !== null ? { lockedUntil: r.locked_until } : {}),
          });
        }
        return found;
      },
      async putThrottle(entries: readonly ThrottleEntry[]) {
        for (const e of entries) {
          putThrottleStmt.run({
            key: e.key,
            failures: e.failures,
            lastFailureAt: e.lastFailureAt,
            lockedUntil: e.lockedUntil ?? null,
          });
        }
      },
      async deleteThrottle(keys: readonly string[]) {
        for (const key of keys) deleteThrottleStmt.run(key);
      },
      async purgeThrottle(before: number, now: number) {
        purgeThrottleStmt.run({ before, now });
      },
    };
  }
}

/** Applies the migrations not yet applied, each in its own transaction, in order. */
export function migrate(db: Database.Database): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version),
  );
  const latest = Math.max(0, ...applied);
  const known = MIGRATIONS.length;
  if (latest > known) {
    throw new Error(
      `the SQLite store is at schema version ${latest}, newer than this program knows (${known}); upgrade Flow Atlas`,
    );
  }
  const ran: number[] = [];
  MIGRATIONS.forEach((sql, i) => {
    const version = i + 1;
    if (applied.has(version)) return;
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(
        version,
        new Date().toISOString(),
      );
    })();
    ran.push(version);
  });
  return ran;
}
