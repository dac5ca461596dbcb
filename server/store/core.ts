// The GraphStore, written once over an adapter's transactions: consistent reads, CRUD (its checks in
// entity-checks.ts) with optimistic versions, cascades, snapshots and exports, the audit trail and the catalogue. It
// composes the modules of the other jobs: imports (imports.ts), rounds (rounds.ts) and accounts (accounts.ts).
// Over 350 lines on purpose: it is the one class implementing GraphStore, its methods already thin over those
// modules; splitting the class would scatter the transaction, version and cascade rules its methods share.
import {
  DOCUMENT_KINDS,
  KINDS,
  MapDocument,
  keyOf,
  type AuditEntry,
  type Indicator,
  type Kind,
  type Problem,
  type Round,
  type RoundSummary,
  type Stored,
  type Theme,
} from '../model';
import { ConflictError, NotFoundError } from '../errors';
import type {
  Adapter,
  AuditPage,
  AuditQuery,
  CountryCount,
  CountryCountOptions,
  CountryMap,
  DeleteOptions,
  EntityWriteOptions,
  ExportOptions,
  GraphStore,
  Health,
  ImportMode,
  ImportOptions,
  ImportResult,
  KindCounts,
  ListFilter,
  ValidateOptions,
  RoundWriteOptions,
  Scope,
  Snapshot,
  StoreChanges,
  TxOps,
} from './port';
import { CHANGES_LIMIT } from './port';
import { AccountsCore } from './accounts';
import { scopeKeys } from '../model/scope';
import {
  cascadeFrom,
  documentOf,
  documentOfSorted,
  referrerClosure,
  rowsOf,
  stripMeta,
  type SortedItems,
} from '../model/document-rules';
import { deepEqual } from '../model/equal';
import { withCountries, type AuditDraft } from './audit-countries';
import { addCount, loadState, Stamps, viewOf } from './context';
import { ImportsCore } from './imports';
import { RoundsCore } from './rounds';
import { readSortedMany } from './entity-lists';
import { checkNcp, checkReferences, checkVersion, describeCounts, parseEntity, withKey } from './entity-checks';

type Audit = AuditDraft;

/** Every item of `kinds`, canonical and sorted by key (entity-lists.ts), without metadata; the kinds read at once. */
function loadSorted(tx: TxOps, kinds: readonly Kind[]): Promise<Map<Kind, SortedItems>> {
  return readSortedMany(tx, kinds);
}

export class CoreGraphStore implements GraphStore {
  /** Accounts, sessions and the sign-in throttle (accounts.ts). */
  readonly accounts: AccountsCore;
  private readonly stamps: Stamps;
  private readonly rounds: RoundsCore;
  private readonly imports: ImportsCore;

  constructor(
    private readonly adapter: Adapter,
    clock: () => Date = () => new Date(),
  ) {
    this.stamps = new Stamps(clock);
    this.accounts = new AccountsCore(adapter, clock);
    this.rounds = new RoundsCore(adapter, this.stamps);
    this.imports = new ImportsCore(adapter, this.stamps);
  }

  get kind() {
    return this.adapter.kind;
  }

  async init(): Promise<void> {
    await this.adapter.init();
  }

  async health(): Promise<Health> {
    try {
      await this.adapter.ping();
      return { store: this.kind, reachable: true, storeVersion: await this.storeVersion() };
    } catch (err) {
      return { store: this.kind, reachable: false, error: err instanceof Error ? err.message : String(err) };
    }
  }

  /** Prepares the adapter's first reads (Neo4j: query plans), for a server to run in the background once the store is open. */
  async warmUp(): Promise<void> {
    await (this.adapter as Adapter & { warmUp?: () => Promise<void> }).warmUp?.();
  }

  storeVersion(): Promise<number> {
    return this.adapter.read((tx) => tx.version());
  }

  async list<K extends Kind>(kind: K, filter: ListFilter = {}): Promise<Stored<K>[]> {
    const country = filter.country;
    if (!country) return this.adapter.read((tx) => tx.list(kind));
    return this.consistentRead(async (tx) => {
      const state = await loadState(tx, kindsNeededForScope(kind));
      const keys = scopeKeys(state, country).get(kind) ?? new Set<string>();
      return rowsOf(state, kind).filter((r) => keys.has(keyOf(kind, r))) as unknown as Stored<K>[];
    });
  }

  async listMany<K extends Kind>(kinds: readonly K[]) {
    return this.consistentRead(async (tx, storeVersion) => {
      const items = {} as { [P in K]: Stored<P>[] };
      for (const kind of kinds) items[kind] = await tx.list(kind);
      return { storeVersion, items };
    });
  }

  countryMap(country: string): Promise<CountryMap> {
    return this.consistentRead(async (tx, storeVersion) => ({ storeVersion, items: await tx.countryMap(country) }));
  }

  countryCounts(options?: CountryCountOptions): Promise<{ storeVersion: number; countries: CountryCount[] }> {
    return this.consistentRead(async (tx, storeVersion) => ({
      storeVersion,
      countries: await tx.countryCounts(options),
    }));
  }

  /**
   * The changes after `from` as the audit trail records them, read with the version they lead to: every version
   * in between must have an entry (one without was written before entries carried versions), and at most `limit`.
   * A statement that reads the version first sees every entry stamped up to it (each is written with its bump).
   */
  async changesSince(from: number, options: { limit?: number } = {}): Promise<StoreChanges> {
    const limit = options.limit ?? CHANGES_LIMIT;
    return this.adapter.read(async (tx) => {
      const storeVersion = await tx.version();
      const unknown = (reason: string): StoreChanges => ({ known: false, from, storeVersion, reason });
      if (!Number.isInteger(from) || from < 0 || from > storeVersion)
        return unknown(`version ${from} is not a version of this store (now ${storeVersion})`);
      if (from === storeVersion) return { known: true, from, storeVersion, changes: [] };
      const changes = await tx.changesBetween(from, storeVersion, limit + 1);
      if (changes.length > limit) return unknown(`more than ${limit} changes since version ${from}`);
      const versions = new Set(changes.map((c) => c.storeVersion));
      if (versions.size !== storeVersion - from)
        return unknown(`the audit trail has no entry for some versions after ${from}`);
      return { known: true, from, storeVersion, changes: [...changes].sort((a, b) => a.storeVersion - b.storeVersion) };
    });
  }

  /**
   * A read of several statements that no map write committed in the middle of. On Neo4j (read committed)
   * each statement sees the latest commit, so the store version, which every map write bumps in its own
   * transaction, is read before and after, and the read runs again if a write came between; after a few
   * tries it reads under the map's write lock. SQLite's read transactions are snapshots: it passes at once.
   */
  private async consistentRead<T>(fn: (tx: TxOps, storeVersion: number) => Promise<T>): Promise<T> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const done = await this.adapter.read(async (tx) => {
        const before = await tx.version();
        const value = await fn(tx, before);
        return (await tx.version()) === before ? { value } : undefined;
      });
      if (done) return done.value;
    }
    return this.adapter.write(async (tx) => {
      await tx.lockMap();
      return fn(tx, await tx.version());
    });
  }

  async get<K extends Kind>(kind: K, key: string): Promise<Stored<K>> {
    const row = await this.adapter.read(async (tx) => (await tx.getMany(kind, [key])).get(key));
    if (!row) throw new NotFoundError(`${kind} '${key}' not found`);
    return row;
  }

  async create<K extends Kind>(
    kind: K,
    input: unknown,
    actor: string,
    options: EntityWriteOptions = {},
  ): Promise<Stored<K>> {
    const entity = parseEntity(kind, input);
    const key = keyOf(kind, entity);
    return this.adapter.write(async (tx) => {
      await tx.lockMap();
      const current = (await tx.getMany(kind, [key])).get(key);
      if (current) throw new ConflictError(`${kind} '${key}' already exists`, { current }, 'already_exists');
      await options.guard?.(viewOf(tx), { before: undefined, after: input });
      await checkReferences(tx, kind, entity);
      await checkNcp(tx, kind, entity);
      const row = { ...entity, version: 1, ...this.stamps.stamp(actor) } as Stored<K>;
      const audit = await withCountries(tx, [this.stamps.entry(actor, 'create', kind, key, null, entity)]);
      await tx.upsertMany(kind, [row]);
      await tx.appendAudit(audit);
      await tx.bumpVersion();
      return row;
    });
  }

  async update<K extends Kind>(
    kind: K,
    key: string,
    input: unknown,
    expectedVersion: number,
    actor: string,
    options: EntityWriteOptions = {},
  ): Promise<Stored<K>> {
    const entity = parseEntity(kind, withKey(kind, key, input));
    return this.adapter.write(async (tx) => {
      await tx.lockMap();
      const current = (await tx.getMany(kind, [key])).get(key);
      if (!current) throw new NotFoundError(`${kind} '${key}' not found`);
      await options.guard?.(viewOf(tx), { before: current, after: entity });
      checkVersion(kind, key, current, expectedVersion);
      await checkReferences(tx, kind, entity);
      await checkNcp(tx, kind, entity);
      const before = stripMeta(current);
      if (deepEqual(before, entity)) return current;
      const row = { ...entity, version: current.version + 1, ...this.stamps.stamp(actor) } as Stored<K>;
      const audit = await withCountries(tx, [this.stamps.entry(actor, 'update', kind, key, before, entity)]);
      await tx.upsertMany(kind, [row]);
      await tx.appendAudit(audit);
      await tx.bumpVersion();
      return row;
    });
  }

  async delete(kind: Kind, key: string, expectedVersion: number, actor: string, options: DeleteOptions = {}) {
    return this.adapter.write(async (tx) => {
      await tx.lockMap();
      const current = (await tx.getMany(kind, [key])).get(key);
      if (!current) throw new NotFoundError(`${kind} '${key}' not found`);
      await options.guard?.(viewOf(tx), { before: current, after: undefined });
      checkVersion(kind, key, current, expectedVersion);
      const state = await loadState(tx, referrerClosure(kind));
      const { deletes, updates } = cascadeFrom(state, kind, key);
      const dependants: KindCounts = {};
      for (const [k, keys] of deletes)
        addCount(dependants, k, [...keys].filter((x) => !(k === kind && x === key)).length);
      for (const [k, rows] of updates) addCount(dependants, k, rows.size);
      if (Object.keys(dependants).length && !options.cascade) {
        throw new ConflictError(
          `${kind} '${key}' has dependants (${describeCounts(dependants)}); delete them first or use cascade`,
          { dependants },
          'has_dependants',
        );
      }
      const drafts: Audit[] = [];
      const deleted: KindCounts = {};
      const updated: KindCounts = {};
      const deleteOrder = [...KINDS]
        .reverse()
        .map((k) => [k, [...(deletes.get(k) ?? [])]] as const)
        .filter(([, keys]) => keys.length);
      for (const [k, keys] of deleteOrder) {
        addCount(deleted, k, keys.length);
        for (const x of keys)
          drafts.push(this.stamps.entry(actor, 'delete', k, x, stripMeta(state.get(k)!.get(x)!), null));
      }
      const updateOrder = KINDS.map((k) => {
        const stamped = [...(updates.get(k)?.values() ?? [])].map((e) => {
          const before = state.get(k)!.get(keyOf(k, e))!;
          drafts.push(this.stamps.entry(actor, 'update', k, keyOf(k, e), stripMeta(before), e));
          return { ...e, version: before.version + 1, ...this.stamps.stamp(actor) };
        });
        addCount(updated, k, stamped.length);
        return [k, stamped] as const;
      }).filter(([, rows]) => rows.length);
      // Countries are worked out while what is deleted can still be looked up.
      const audit = await withCountries(tx, drafts, state);
      for (const [k, keys] of deleteOrder) await tx.deleteMany(k, keys);
      for (const [k, rows] of updateOrder) await tx.upsertMany(k, rows);
      await tx.appendAudit(audit);
      await tx.bumpVersion();
      return { deleted, updated };
    });
  }

  /** Every item (no metadata) read with the adapter's cheapest whole-store read, canonical and sorted: what `documentOf` gives. */
  async snapshot(scope: Scope): Promise<Snapshot> {
    return this.consistentRead(async (tx, storeVersion) => {
      const lists = await loadSorted(tx, KINDS);
      return {
        scope,
        storeVersion,
        takenAt: this.stamps.now(),
        document: documentOfSorted(lists, scope),
        catalogue: {
          themes: lists.get('theme')!.items as Theme[],
          indicators: lists.get('indicator')!.items as Indicator[],
        },
      };
    });
  }

  async exportDocument(scope: Scope, options: ExportOptions = {}): Promise<MapDocument> {
    return this.consistentRead(async (tx, storeVersion) => {
      if (!options.versions) return documentOfSorted(await loadSorted(tx, DOCUMENT_KINDS), scope);
      const doc = documentOf(await loadState(tx), scope, options);
      const { formatVersion, ...items } = doc;
      return { formatVersion, exportedAt: this.stamps.now(), storeVersion, ...items };
    });
  }

  freezeRound(input: unknown, actor: string, options?: RoundWriteOptions): Promise<RoundSummary> {
    return this.rounds.freezeRound(input, actor, options);
  }

  listRounds(country?: string): Promise<RoundSummary[]> {
    return this.rounds.listRounds(country);
  }

  getRound(id: string): Promise<Round> {
    return this.rounds.getRound(id);
  }

  deleteRound(id: string, actor: string, options?: RoundWriteOptions): Promise<{ deleted: true }> {
    return this.rounds.deleteRound(id, actor, options);
  }

  validateDocument(raw: unknown, mode: ImportMode, options?: ValidateOptions): Promise<Problem[]> {
    return this.imports.validateDocument(raw, mode, options);
  }

  importDocument(raw: unknown, options: ImportOptions): Promise<ImportResult> {
    return this.imports.importDocument(raw, options);
  }

  audit(query: AuditQuery = {}): Promise<AuditEntry[]> {
    return this.adapter.audit(query);
  }

  async auditPage(query: AuditQuery = {}): Promise<AuditPage> {
    const limit = query.limit ?? 100;
    // One more than asked for tells whether older entries exist.
    const entries = await this.adapter.audit({ ...query, limit: limit + 1 });
    if (entries.length <= limit) return { entries };
    const page = entries.slice(0, limit);
    return { entries: page, nextBefore: page[page.length - 1]!.seq };
  }

  auditActors(): Promise<string[]> {
    return this.adapter.auditActors();
  }

  async ensureCatalogue(catalogue: { themes: unknown[]; indicators: unknown[] }, actor: string): Promise<KindCounts> {
    const themes = catalogue.themes.map((t) => parseEntity('theme', t));
    const indicators = catalogue.indicators.map((i) => parseEntity('indicator', i));
    return this.adapter.write(async (tx) => {
      await tx.lockMap();
      const created: KindCounts = {};
      const audit: Audit[] = [];
      for (const [kind, items] of [
        ['theme', themes],
        ['indicator', indicators],
      ] as const) {
        const keys = items.map((e) => keyOf(kind, e));
        const existing = await tx.getMany(kind, keys);
        const missing = items.filter((e) => !existing.has(keyOf(kind, e)));
        if (kind === 'indicator') {
          for (const e of missing) await checkReferences(tx, kind, e);
        }
        await tx.upsertMany(
          kind,
          missing.map((e) => ({ ...e, version: 1, ...this.stamps.stamp(actor) })),
        );
        for (const e of missing) audit.push(this.stamps.entry(actor, 'create', kind, keyOf(kind, e), null, e));
        addCount(created, kind, missing.length);
      }
      if (audit.length) {
        await tx.appendAudit(await withCountries(tx, audit));
        await tx.bumpVersion();
      }
      return created;
    });
  }

  close(): Promise<void> {
    return this.adapter.close();
  }
}

/** Scopes are decided by stakeholders' and networks' countries. */
function kindsNeededForScope(kind: Kind): Kind[] {
  return [...new Set<Kind>([kind, 'stakeholder', 'network'])];
}
