// The Neo4j adapter: entities as nodes and relationships (DOMAIN.md's graph), read and written with
// the named queries in cypher/store/, in batched UNWINDs. Properties are flat: a stakeholder's office
// contact becomes contactEmail / contactPhone / contactUrl, and its sector is stored for Browser users.
// Rounds are (:Round) nodes holding their frozen document as a JSON string; accounts and sessions are
// (:Account) and (:Session) nodes apart from the map. Over 350 lines on purpose: it is the one implementation of
// TxOps over Cypher (each operation a named query and its conversion at the driver's edge); the staging, the reads of
// whole kinds, the executor and the warm-up are apart.
import type { ManagedTransaction } from 'neo4j-driver';
import {
  KINDS,
  keyOf,
  roundNameKey,
  roundScope,
  sectorOf,
  type AuditEntry,
  type AuditKind,
  type Kind,
  type Stakeholder,
  type Stored,
} from '../../model';
import type {
  Adapter,
  AuditQuery,
  MapItems,
  StoredAccount,
  StoredRound,
  StoredRoundSummary,
  StoredSession,
  ThrottleEntry,
  TxOps,
} from '../port';
import type { EntityLists } from '../entity-lists';
import { listEntities, listEntitiesMany, readCountryMap, readPlanOf } from './entity-lists';
import { snapshotFormat, StoredSnapshots } from './stored-snapshot';
import { warmUp } from './warm-up';
import { CYPHER_DIR, Executor, statements, type Neo4jSettings } from './executor';
import { presenceOps } from './presence';
import { prepareStaging, publishStaged, stagingOps, type Neo4jStaging } from './staging';
import fs from 'node:fs';
import path from 'node:path';

const BATCH = 1000;
export const RELATIONSHIP_ENDS: Partial<Record<Kind, readonly [string, string]>> = {
  flow: ['from', 'to'],
  reportingLine: ['from', 'to'],
  membership: ['stakeholder', 'network'],
};
export const CONTACT_FIELDS = { email: 'contactEmail', phone: 'contactPhone', url: 'contactUrl' } as const;

type Props = Record<string, unknown>;

/** An entity as Neo4j properties: no nulls or nested maps, absent optional fields left out. */
export function toProps(kind: Kind, row: Stored<Kind>): Props {
  const props: Props = {};
  for (const [k, v] of Object.entries(row)) {
    if (v === undefined || v === null) continue;
    if (kind === 'stakeholder' && k === 'contact') {
      for (const [field, prop] of Object.entries(CONTACT_FIELDS)) {
        const value = (v as Record<string, unknown>)[field];
        if (value !== undefined) props[prop] = value;
      }
      continue;
    }
    props[k] = v;
  }
  if (kind === 'stakeholder') props.sector = sectorOf((row as Stakeholder).type);
  return props;
}

/** Neo4j properties back to an entity with its metadata. */
export function fromProps<K extends Kind>(kind: K, props: Props): Stored<K> {
  const row: Props = {};
  const contact: Props = {};
  for (const [k, v] of Object.entries(props)) {
    if (v === null || v === undefined) continue;
    if (kind === 'stakeholder') {
      const field = Object.entries(CONTACT_FIELDS).find(([, prop]) => prop === k)?.[0];
      if (field) {
        contact[field] = v;
        continue;
      }
      if (k === 'sector') continue;
    }
    row[k] = v;
  }
  if (Object.keys(contact).length) row.contact = contact;
  return row as Stored<K>;
}

/** Audit entries of kinds outside the map (rounds, accounts) change no store version: none is stamped. */
const UNVERSIONED_AUDIT_KINDS = new Set(['round', 'account']);

function toAuditEntry(r: Props): AuditEntry {
  return {
    seq: r.seq as number,
    at: r.at as string,
    actor: r.actor as string,
    action: r.action as AuditEntry['action'],
    kind: r.kind as string,
    key: r.key as string,
    countries: (r.countries as string[] | undefined) ?? [],
    before: r.before ? JSON.parse(r.before as string) : null,
    after: r.after ? JSON.parse(r.after as string) : null,
    ...(typeof r.storeVersion === 'number' ? { storeVersion: r.storeVersion } : {}),
  };
}

function toRound(p: Props): StoredRoundSummary {
  return {
    id: p.id as string,
    seq: p.seq as number,
    name: p.name as string,
    country: (p.country as string | null | undefined) ?? null,
    ...(typeof p.note === 'string' ? { note: p.note } : {}),
    createdAt: p.createdAt as string,
    createdBy: p.createdBy as string,
    storeVersion: p.storeVersion as number,
    counts: JSON.parse(p.counts as string) as StoredRound['counts'],
  };
}

function toAccount(p: Props): StoredAccount {
  return {
    username: p.username as string,
    role: p.role as StoredAccount['role'],
    countries: (p.countries as string[] | null) ?? [],
    ...(typeof p.displayName === 'string' ? { displayName: p.displayName } : {}),
    createdAt: p.createdAt as string,
    updatedAt: p.updatedAt as string,
    ...(typeof p.lastLoginAt === 'string' ? { lastLoginAt: p.lastLoginAt } : {}),
    passwordHash: p.passwordHash as string,
  };
}

/** Neo4j properties cannot be null: absent optional fields are left out. */
function withoutUndefined(value: object): Props {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null));
}

/** Rows as write parameters: a node's properties, or a relationship's two ends and its properties. */
function writeParams(kind: Kind, rows: ReadonlyArray<Stored<Kind>>): Props[] {
  const ends = RELATIONSHIP_ENDS[kind];
  return rows.map((row) => {
    const props = toProps(kind, row);
    if (!ends) return props;
    const [a, b] = ends;
    const { [a]: first, [b]: second, ...rest } = props;
    return { [a]: first, [b]: second, props: rest };
  });
}

/** country.counts' rows: a country's record, its NCP and stakeholder count; flows per pair of their ends' countries. */
interface CountryRow {
  country: Props;
  ncp: string | null;
  stakeholders: number;
}
interface CountryPair {
  a: string | null;
  b: string | null;
  flows: number;
}

/** Flows per country from flows per pair of their ends' countries: a pair within one country counted once. */
function flowsPerCountry(pairs: readonly CountryPair[]): Map<string, number> {
  const flows = new Map<string, number>();
  const add = (country: string | null, n: number) => {
    if (country !== null) flows.set(country, (flows.get(country) ?? 0) + n);
  };
  for (const { a, b, flows: n } of pairs) {
    add(a, n);
    if (b !== a) add(b, n);
  }
  return flows;
}

function batches<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface Neo4jAdapterOptions {
  /**
   * At start-up, the staged items of imports not heard of for this long are removed (a process killed
   * mid-import); default 60 s, so that an import still running on another app instance is left alone.
   */
  staleImportMs?: number;
}

export class Neo4jAdapter implements Adapter {
  readonly kind = 'neo4j' as const;
  readonly executor: Executor;
  readonly staging: Neo4jStaging;
  /** The whole-store snapshot kept in Neo4j for cold whole-store reads (stored-snapshot.ts). */
  readonly snapshots: StoredSnapshots;
  private readonly staleImportMs: number;

  constructor(settings: Neo4jSettings, options: Neo4jAdapterOptions = {}) {
    this.executor = new Executor(settings);
    this.staleImportMs = options.staleImportMs ?? 60_000;
    this.staging = stagingOps(this.executor, { ends: RELATIONSHIP_ENDS, toProps, contact: CONTACT_FIELDS });
    this.snapshots = new StoredSnapshots(
      this.executor,
      snapshotFormat((kind) => readPlanOf(kind, RELATIONSHIP_ENDS[kind], CONTACT_FIELDS).fields),
    );
  }

  /** Applies cypher/schema.cypher (idempotent constraints and indexes), then removes what killed imports staged. */
  async init(): Promise<void> {
    await this.executor.driver.verifyConnectivity().catch((err) => {
      throw new Error(`cannot reach Neo4j: ${err instanceof Error ? err.message : String(err)}`);
    });
    const schema = fs.readFileSync(path.join(CYPHER_DIR, 'schema.cypher'), 'utf8');
    for (const statement of statements(schema)) await this.executor.autoCommit(statement);
    await this.staging.discardStale(this.staleImportMs);
    await this.staging.readLimits();
    // In the background: an import (npm run import, an upload) plans its document meanwhile.
    void prepareStaging(this.executor);
  }

  /** The country whose map the last warm-up read (for tests), if any. */
  warmedMap?: string;

  /**
   * Plans the queries the first map, country list and snapshot need (warm-up.ts), then, unless the kept whole-store
   * snapshot is of the current version, reads the whole store (and so keeps it): the first cold analysis or export
   * then reads one value; then reads the map of the biggest country once. Never rejects.
   */
  async warmUp(): Promise<void> {
    await warmUp(this.executor);
    try {
      await this.executor.read(async (tx) => {
        if (await this.snapshots.isCurrent(tx)) return;
        const pending = this.ops(tx).listEntitiesMany?.(KINDS);
        if (pending) await Promise.all([...pending.values()]);
      });
      await this.snapshots.saving;
      // The map of the country with the most stakeholders, read once: on a Neo4j just started, the first map read runs
      // its operators and the driver's decoding for the first time (880 ms for a 1,000-stakeholder country against
      // 140-190 ms the next time, measured at region scale); afterwards, any country's first map is the faster one.
      await this.executor.read(async (tx) => {
        const ops = this.ops(tx);
        const counts = await ops.countryCounts();
        const biggest = counts.reduce((a, b) => (b.stakeholders > a.stakeholders ? b : a), counts[0]!);
        if (!biggest?.stakeholders) return;
        await ops.countryMap(biggest.country.code);
        this.warmedMap = biggest.country.code;
      });
    } catch {
      // unreachable or closing: the first whole-store read keeps it instead
    }
  }

  read<T>(fn: (tx: TxOps) => Promise<T>): Promise<T> {
    return this.executor.read((tx) => fn(this.ops(tx)));
  }

  write<T>(fn: (tx: TxOps) => Promise<T>): Promise<T> {
    return this.executor.write((tx) => fn(this.ops(tx)));
  }

  async audit(query: AuditQuery): Promise<AuditEntry[]> {
    const rows = await this.executor.read((tx) =>
      this.executor.run<Props>(tx, 'audit.list', {
        kind: query.kind ?? null,
        key: query.key ?? null,
        actor: query.actor ?? null,
        country: query.country ?? null,
        after: query.after ?? null,
        before: query.before ?? null,
        limit: Math.min(query.limit ?? 200, 10000),
      }),
    );
    return rows.map(toAuditEntry);
  }

  async auditActors(): Promise<string[]> {
    return this.executor.read((tx) => this.executor.run<string>(tx, 'audit.actors'));
  }

  async ping(): Promise<void> {
    await this.executor.read((tx) => this.executor.run(tx, 'ping'));
  }

  /** Removes all data (tests, reset); the schema stays. */
  async clear(): Promise<void> {
    await this.executor.autoCommit(this.executor.query('admin.clear'));
  }

  close(): Promise<void> {
    return this.executor.close();
  }

  private ops(tx: ManagedTransaction): TxOps & EntityLists {
    const ex = this.executor;
    const snapshots = this.snapshots;
    /** Whether this transaction has bumped the store version yet (audit entries are stamped with the version it commits as). */
    let bumped = false;
    const keyParam = (kind: Kind, key: string): unknown => {
      const ends = RELATIONSHIP_ENDS[kind];
      if (kind !== 'membership' || !ends) return key;
      const [stakeholder, network] = key.split('|');
      return { stakeholder, network };
    };
    return {
      async lockMap() {
        await ex.run(tx, 'meta.lock');
      },
      async list<K extends Kind>(kind: K) {
        return (await ex.run<Props>(tx, `${kind}.list`)).map((p) => fromProps(kind, p));
      },
      listEntities(kind: Kind) {
        return listEntities(ex, tx, kind, RELATIONSHIP_ENDS[kind], CONTACT_FIELDS);
      },
      listEntitiesMany(kinds: readonly Kind[]) {
        // Every kind from the kept snapshot and the changes since (stored-snapshot.ts), or read whole.
        const all = snapshots.lists(tx, {
          readAll: () => listEntitiesMany(ex, tx, KINDS, RELATIONSHIP_ENDS, CONTACT_FIELDS),
          version: () => this.version(),
          getMany: (kind, keys) => this.getMany(kind, keys),
          changesBetween: (after, upTo, limit) => this.changesBetween(after, upTo, limit),
        });
        return new Map(kinds.map((kind) => [kind, all.then((lists) => lists.get(kind) ?? [])]));
      },
      async getMany<K extends Kind>(kind: K, keys: readonly string[]) {
        const found = new Map<string, Stored<K>>();
        for (const batch of batches([...new Set(keys)])) {
          const rows = await ex.run<Props>(tx, `${kind}.get`, { keys: batch.map((k) => keyParam(kind, k)) });
          for (const p of rows) {
            const row = fromProps(kind, p);
            found.set(keyOf(kind, row), row);
          }
        }
        return found;
      },
      async countryMap(country: string) {
        return (await readCountryMap(ex, tx, country, RELATIONSHIP_ENDS, CONTACT_FIELDS)) as MapItems;
      },
      async countryCounts(options?: { personalData?: readonly string[] }) {
        // One read for an editor and a viewer alike (a viewer asks for the personal levels): each SHARES_WITH once,
        // grouped by its ends' countries, added up here per country as the embedded store does.
        const [row] = await ex.run<{ countries: CountryRow[]; pairs: CountryPair[]; personalPairs: CountryPair[] }>(
          tx,
          'country.counts',
          { levels: [...(options?.personalData ?? [])] },
        );
        const flows = flowsPerCountry(row?.pairs ?? []);
        const personal = options?.personalData ? flowsPerCountry(row?.personalPairs ?? []) : undefined;
        return (row?.countries ?? []).map((r) => {
          const country = fromProps('country', r.country);
          return {
            country,
            ncp: r.ncp,
            stakeholders: r.stakeholders,
            flows: flows.get(country.code) ?? 0,
            ...(personal ? { personalFlows: personal.get(country.code) ?? 0 } : {}),
          };
        });
      },
      async changesBetween(after: number, upTo: number, limit: number) {
        const rows = await ex.run<Props>(tx, 'audit.since', { after, upTo, limit });
        return rows
          .sort(
            (a, b) => (a.storeVersion as number) - (b.storeVersion as number) || (a.seq as number) - (b.seq as number),
          )
          .map((r) => ({
            storeVersion: r.storeVersion as number,
            action: r.action as AuditEntry['action'],
            kind: r.kind as AuditKind,
            key: r.key as string,
            countries: (r.countries as string[] | null) ?? [],
          }));
      },
      async upsertMany(kind, rows) {
        for (const batch of batches(writeParams(kind, rows))) await ex.run(tx, `${kind}.upsert`, { rows: batch });
      },
      async deleteMany(kind, keys) {
        for (const batch of batches(keys))
          await ex.run(tx, `${kind}.delete`, { keys: batch.map((k) => keyParam(kind, k)) });
      },
      async appendAudit(entries) {
        if (!entries.length) return;
        const [last] = await ex.run<number>(tx, 'audit.reserve', { count: entries.length });
        const first = (last ?? entries.length) - entries.length + 1;
        // Read after the map's write lock (and the audit sequence's): no other write can commit a version meanwhile.
        const [current] = await ex.run<number>(tx, 'meta.version');
        const committedAs = (current ?? 0) + (bumped ? 0 : 1);
        const rows = entries.map((e, i) => ({
          ...e,
          seq: first + i,
          before: e.before === null ? null : JSON.stringify(e.before),
          after: e.after === null ? null : JSON.stringify(e.after),
          ...(UNVERSIONED_AUDIT_KINDS.has(e.kind) ? {} : { storeVersion: committedAs }),
        }));
        for (const batch of batches(rows)) await ex.run(tx, 'audit.append', { entries: batch });
      },
      async history(kind, keys) {
        const entries: AuditEntry[] = [];
        for (const batch of batches([...new Set(keys)])) {
          entries.push(...(await ex.run<Props>(tx, 'audit.history', { kind, keys: batch })).map(toAuditEntry));
        }
        return entries.sort((a, b) => a.seq - b.seq);
      },
      async publishStaged(importId: string) {
        // Stamped with the version this transaction commits as, like appendAudit.
        return publishStaged(
          ex,
          tx,
          importId,
          async () => ((await ex.run<number>(tx, 'meta.version'))[0] ?? 0) + (bumped ? 0 : 1),
        );
      },
      async bumpVersion() {
        const [value] = await ex.run<number>(tx, 'meta.bump');
        bumped = true;
        return value ?? 0;
      },
      async version() {
        const [value] = await ex.run<number>(tx, 'meta.version');
        return value ?? 0;
      },
      async nextRoundSeq() {
        const [value] = await ex.run<number>(tx, 'round.seq');
        return value ?? 0;
      },
      async putRound(round: StoredRound) {
        const { document, counts, country, note, ...rest } = round;
        await ex.run(tx, 'round.put', {
          round: {
            ...rest,
            ...(country ? { country } : {}),
            ...(note !== undefined ? { note } : {}),
            nameKey: roundNameKey(round.name),
            scope: roundScope(country),
            counts: JSON.stringify(counts),
            document: JSON.stringify(document),
          },
        });
      },
      async getRound(id: string) {
        const [row] = await ex.run<Props>(tx, 'round.get', { id });
        return row
          ? { ...toRound(row), document: JSON.parse(row.document as string) as StoredRound['document'] }
          : undefined;
      },
      async listRounds() {
        return (await ex.run<Props>(tx, 'round.list')).map(toRound);
      },
      async deleteRound(id: string) {
        await ex.run(tx, 'round.delete', { id });
      },
      async lockAccounts() {
        await ex.run(tx, 'account.lock');
      },
      async listAccounts() {
        return (await ex.run<Props>(tx, 'account.list')).map(toAccount);
      },
      async getAccount(username: string) {
        const [row] = await ex.run<Props>(tx, 'account.get', { username });
        return row ? toAccount(row) : undefined;
      },
      async putAccount(account: StoredAccount) {
        await ex.run(tx, 'account.put', { account: withoutUndefined(account) });
      },
      async deleteAccount(username: string) {
        await ex.run(tx, 'account.delete', { username });
      },
      async putSession(session: StoredSession) {
        await ex.run(tx, 'session.put', { session: withoutUndefined(session) });
      },
      async getSession(idHash: string) {
        const [row] = await ex.run<Props>(tx, 'session.get', { idHash });
        return row as StoredSession | undefined;
      },
      async touchSession(idHash: string, idleExpiresAt: string) {
        await ex.run(tx, 'session.touch', { idHash, idleExpiresAt });
      },
      async deleteSession(idHash: string) {
        await ex.run(tx, 'session.delete', { idHash });
      },
      async deleteSessionsOf(username: string, exceptIdHash?: string) {
        const [count] = await ex.run<number>(tx, 'session.deleteOf', { username, except: exceptIdHash ?? null });
        return count ?? 0;
      },
      async purgeSessions(now: string) {
        const [count] = await ex.run<number>(tx, 'session.purge', { now });
        return count ?? 0;
      },
      ...presenceOps(ex, tx),
      async lockThrottle() {
        await ex.run(tx, 'throttle.lock');
      },
      async getThrottle(keys: readonly string[]) {
        const rows = await ex.run<Props>(tx, 'throttle.get', { keys: [...keys] });
        return new Map(rows.map((r) => [r.key as string, withoutUndefined(r) as unknown as ThrottleEntry]));
      },
      async putThrottle(entries: readonly ThrottleEntry[]) {
        await ex.run(tx, 'throttle.put', { entries: entries.map((e) => withoutUndefined(e)) });
      },
      async deleteThrottle(keys: readonly string[]) {
        await ex.run(tx, 'throttle.delete', { keys: [...keys] });
      },
      async purgeThrottle(before: number, now: number) {
        await ex.run(tx, 'throttle.purge', { before, now });
      },
    };
  }
}
