// The GraphStore's rules, written once over an adapter's transactions: validation, references,
// the one-NCP rule, optimistic versions, cascades, import (merge / replace), export, audit and
// mapping rounds (a round's document is the scope's export, read in the transaction that stores it).
import {
  DOCUMENT_KINDS, KIND_SPECS, KINDS, MapDocument, RoundInput, keyOf, rawKeyOf, refValues, roundCounts, roundNameKey, roundScope,
  type AuditEntry, type EntityOf, type OnConflict, type Indicator, type Kind, type Problem, type Round, type RoundSummary, type Stakeholder,
  type Stored, type Theme,
} from '../model';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type {
  AccountChangeOptions, AccountChanges, Adapter, AuditPage, AuditQuery, CountryCount, CountryMap, DeleteOptions, EntityWriteOptions, ExportOptions, GraphStore, Health,
  ImportMode, ImportOptions, ImportResult, KindCounts, ListFilter, NewAccount, RoundWriteOptions, Scope, Snapshot, Staging, StoreView, StoredRound,
  StoredRoundSummary, StoredSession, StoreChanges, ThrottleDecision, ThrottleEntry, TxOps,
} from './port';
import { CHANGES_LIMIT } from './port';
import { AccountsCore } from './accounts';
import { scopeKeys } from '../model/scope';
import {
  cascadeFrom, documentOf, documentOfSorted, ncpProblem, referrerClosure, rowsOf, stripMeta, type ItemState, type SortedItems,
} from '../model/document-rules';
import { deepEqual } from '../model/equal';
import { problemsFromZod } from '../model/problems';
import { withCountries, type AuditDraft } from './audit-countries';
import { planImport, type Plan } from './import-plan';
import { readSortedMany } from './entity-lists';
import { randomUUID } from 'node:crypto';

type Row = Stored<Kind>;
type State = ItemState;
type Audit = AuditDraft;

/** How often a staged import is planned again when the store changed while it was written. */
const IMPORT_ATTEMPTS = 3;
/**
 * At most this many existing items changed or deleted by one staged import: those are written in the
 * publishing transaction, which must fit Neo4j's transaction memory (dbms.memory.transaction.total.max).
 */
export const MAX_PUBLISHED_CHANGES = 20_000;
/**
 * At most this many items (created, changed or deleted, and their audit entries) published by one staged import:
 * the publishing transaction touches each. A 13-country region (87,000 items: 21,000 nodes and 87,000 audit entries
 * published) fits Neo4j's default transaction memory (70% of a 1 GB heap); one three times as large (322,000) ran out of it.
 */
export const MAX_PUBLISHED_ITEMS = 200_000;
/** The relationship kinds and the kinds of their ends: staged only when the import creates both ends. */
const RELATIONSHIP_ENDS: Partial<Record<Kind, ReadonlyArray<readonly [string, Kind]>>> = {
  flow: [['from', 'stakeholder'], ['to', 'stakeholder']],
  reportingLine: [['from', 'stakeholder'], ['to', 'stakeholder']],
  membership: [['stakeholder', 'stakeholder'], ['network', 'network']],
};
const RELATIONSHIP_KINDS = new Set(Object.keys(RELATIONSHIP_ENDS) as Kind[]);
const STAGED_NODE_KINDS = new Set<Kind>(['country', 'stakeholder', 'network', 'interview', 'dataset']);

/**
 * Splits a plan into what is staged (items it creates: nodes, and relationships between created nodes) and
 * what the publishing transaction writes itself (updates, deletes, relationships touching existing items).
 */
function splitStaged(plan: Plan, state: State) {
  const staged = new Map<Kind, Row[]>();
  const direct = { upserts: new Map<Kind, Row[]>(), deletes: plan.deletes };
  const created = new Map<Kind, Set<string>>();
  for (const kind of KINDS) {
    for (const row of plan.upserts.get(kind) ?? []) {
      const key = keyOf(kind, row);
      const isNew = !state.get(kind)?.has(key);
      const ends = RELATIONSHIP_ENDS[kind];
      const stage = isNew && (STAGED_NODE_KINDS.has(kind)
        || (ends !== undefined && ends.every(([field, k]) => created.get(k)?.has((row as unknown as Record<string, string>)[field]!))));
      if (isNew && STAGED_NODE_KINDS.has(kind)) created.set(kind, (created.get(kind) ?? new Set()).add(key));
      const target = stage ? staged : direct.upserts;
      const rows = target.get(kind) ?? [];
      if (!rows.length) target.set(kind, rows);
      rows.push(row);
    }
  }
  return { staged, direct };
}

/** Parses an entity with its kind's schema; bad input becomes a ValidationError naming each field. */
export function parseEntity<K extends Kind>(kind: K, input: unknown): EntityOf<K> {
  const result = KIND_SPECS[kind].schema.safeParse(input);
  if (!result.success) {
    const id = rawKeyOf(kind, input);
    const problems = problemsFromZod(result.error, input, { root: '(body)', field: 'first' }).map((p) => ({ ...p, kind, ...(id ? { id } : {}) }));
    throw new ValidationError(`invalid ${kind}`, problems);
  }
  return result.data as EntityOf<K>;
}

function addCount(counts: KindCounts, kind: Kind, n = 1): void {
  if (n) counts[kind] = (counts[kind] ?? 0) + n;
}

async function loadState(tx: TxOps, kinds: readonly Kind[] = KINDS): Promise<State> {
  const state: State = new Map();
  for (const kind of kinds) {
    const rows = (await tx.list(kind)) as Row[];
    state.set(kind, new Map(rows.map((r) => [keyOf(kind, r), r])));
  }
  return state;
}

/** Every item of `kinds`, canonical and sorted by key (entity-lists.ts), without metadata; the kinds read at once. */
function loadSorted(tx: TxOps, kinds: readonly Kind[]): Promise<Map<Kind, SortedItems>> {
  return readSortedMany(tx, kinds);
}

export class CoreGraphStore implements GraphStore {
  private readonly accounts: AccountsCore;

  constructor(
    private readonly adapter: Adapter,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.accounts = new AccountsCore(adapter, clock);
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

  countryCounts(): Promise<{ storeVersion: number; countries: CountryCount[] }> {
    return this.consistentRead(async (tx, storeVersion) => ({ storeVersion, countries: await tx.countryCounts() }));
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
      if (!Number.isInteger(from) || from < 0 || from > storeVersion) return unknown(`version ${from} is not a version of this store (now ${storeVersion})`);
      if (from === storeVersion) return { known: true, from, storeVersion, changes: [] };
      const changes = await tx.changesBetween(from, storeVersion, limit + 1);
      if (changes.length > limit) return unknown(`more than ${limit} changes since version ${from}`);
      const versions = new Set(changes.map((c) => c.storeVersion));
      if (versions.size !== storeVersion - from) return unknown(`the audit trail has no entry for some versions after ${from}`);
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

  async create<K extends Kind>(kind: K, input: unknown, actor: string, options: EntityWriteOptions = {}): Promise<Stored<K>> {
    const entity = parseEntity(kind, input);
    const key = keyOf(kind, entity);
    return this.adapter.write(async (tx) => {
      await tx.lockMap();
      const current = (await tx.getMany(kind, [key])).get(key);
      if (current) throw new ConflictError(`${kind} '${key}' already exists`, { current }, 'already_exists');
      await options.guard?.(viewOf(tx), { before: undefined, after: input });
      await this.checkReferences(tx, kind, entity);
      await this.checkNcp(tx, kind, entity);
      const row = { ...entity, version: 1, ...this.stamp(actor) } as Stored<K>;
      const audit = await withCountries(tx, [this.entry(actor, 'create', kind, key, null, entity)]);
      await tx.upsertMany(kind, [row]);
      await tx.appendAudit(audit);
      await tx.bumpVersion();
      return row;
    });
  }

  async update<K extends Kind>(
    kind: K, key: string, input: unknown, expectedVersion: number, actor: string, options: EntityWriteOptions = {},
  ): Promise<Stored<K>> {
    const entity = parseEntity(kind, withKey(kind, key, input));
    return this.adapter.write(async (tx) => {
      await tx.lockMap();
      const current = (await tx.getMany(kind, [key])).get(key);
      if (!current) throw new NotFoundError(`${kind} '${key}' not found`);
      await options.guard?.(viewOf(tx), { before: current, after: entity });
      checkVersion(kind, key, current, expectedVersion);
      await this.checkReferences(tx, kind, entity);
      await this.checkNcp(tx, kind, entity);
      const before = stripMeta(current);
      if (deepEqual(before, entity)) return current;
      const row = { ...entity, version: current.version + 1, ...this.stamp(actor) } as Stored<K>;
      const audit = await withCountries(tx, [this.entry(actor, 'update', kind, key, before, entity)]);
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
      for (const [k, keys] of deletes) addCount(dependants, k, [...keys].filter((x) => !(k === kind && x === key)).length);
      for (const [k, rows] of updates) addCount(dependants, k, rows.size);
      if (Object.keys(dependants).length && !options.cascade) {
        throw new ConflictError(
          `${kind} '${key}' has dependants (${describeCounts(dependants)}); delete them first or use cascade`,
          { dependants }, 'has_dependants',
        );
      }
      const drafts: Audit[] = [];
      const deleted: KindCounts = {};
      const updated: KindCounts = {};
      const deleteOrder = [...KINDS].reverse().map((k) => [k, [...(deletes.get(k) ?? [])]] as const).filter(([, keys]) => keys.length);
      for (const [k, keys] of deleteOrder) {
        addCount(deleted, k, keys.length);
        for (const x of keys) drafts.push(this.entry(actor, 'delete', k, x, stripMeta(state.get(k)!.get(x)!), null));
      }
      const updateOrder = KINDS.map((k) => {
        const stamped = [...(updates.get(k)?.values() ?? [])].map((e) => {
          const before = state.get(k)!.get(keyOf(k, e))!;
          drafts.push(this.entry(actor, 'update', k, keyOf(k, e), stripMeta(before), e));
          return { ...e, version: before.version + 1, ...this.stamp(actor) } as Row;
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
        takenAt: this.clock().toISOString(),
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
      return { formatVersion, exportedAt: this.clock().toISOString(), storeVersion, ...items };
    });
  }

  async freezeRound(input: unknown, actor: string, options: RoundWriteOptions = {}): Promise<RoundSummary> {
    const { name, note, ...rest } = parseRoundInput(input);
    const country = rest.country ?? undefined;
    return this.adapter.write(async (tx) => {
      await tx.lockMap();
      await options.guard?.(viewOf(tx), { country: country ?? null });
      const state = await loadState(tx);
      if (country && !state.get('country')?.has(country)) throw new NotFoundError(`country '${country}' is not in the map`);
      const scope = roundScope(country);
      const same = (await tx.listRounds()).find((r) => roundScope(r.country) === scope && roundNameKey(r.name) === roundNameKey(name));
      if (same) {
        throw new ConflictError(
          `a round named '${same.name}' already exists for ${country ? `country ${country}` : 'the region'}`,
          { round: summaryOf(same) }, 'already_exists',
        );
      }
      // The same document a country (or region) export gives, read in this write transaction.
      const document = documentOf(state, { country });
      const seq = await tx.nextRoundSeq();
      const round: StoredRound = {
        id: `round-${seq}`, seq, name, country: country ?? null, ...(note ? { note } : {}),
        createdAt: this.clock().toISOString(), createdBy: actor, storeVersion: await tx.version(),
        counts: roundCounts(document), document,
      };
      const summary = summaryOf(round);
      const audit = await withCountries(tx, [this.entry(actor, 'create', 'round', round.id, null, summary)]);
      await tx.putRound(round);
      await tx.appendAudit(audit);
      return summary;
    });
  }

  async listRounds(country?: string): Promise<RoundSummary[]> {
    const rounds = await this.adapter.read((tx) => tx.listRounds());
    return rounds
      .filter((r) => !country || r.country === country || r.country === null)
      .sort((a, b) => b.seq - a.seq)
      .map(summaryOf);
  }

  async getRound(id: string): Promise<Round> {
    const round = await this.adapter.read((tx) => tx.getRound(id));
    if (!round) throw new NotFoundError(`round '${id}' not found`);
    const { seq: _seq, ...rest } = round;
    return rest;
  }

  async deleteRound(id: string, actor: string, options: RoundWriteOptions = {}): Promise<{ deleted: true }> {
    return this.adapter.write(async (tx) => {
      await tx.lockMap();
      const round = await tx.getRound(id);
      if (!round) throw new NotFoundError(`round '${id}' not found`);
      await options.guard?.(viewOf(tx), { country: round.country });
      const audit = await withCountries(tx, [this.entry(actor, 'delete', 'round', id, summaryOf(round), null)]);
      await tx.deleteRound(id);
      await tx.appendAudit(audit);
      return { deleted: true as const };
    });
  }

  async validateDocument(raw: unknown, mode: ImportMode): Promise<Problem[]> {
    return this.adapter.read(async (tx) => {
      const state = await loadState(tx);
      return (await this.plan(tx, raw, state, { mode, actor: 'validation' })).problems;
    });
  }

  async importDocument(raw: unknown, options: ImportOptions): Promise<ImportResult> {
    if (this.adapter.staging && !options.dryRun) return this.importStaged(this.adapter.staging, raw, options);
    const run = async (tx: TxOps): Promise<ImportResult> => {
      if (!options.dryRun) await tx.lockMap();
      await options.guard?.(viewOf(tx), { raw });
      const state = await loadState(tx);
      const { problems, plan } = await this.plan(tx, raw, state, options);
      if (problems.length || !plan) {
        throw new ValidationError(`the document has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written`, problems);
      }
      const changed = plan.audit.length > 0;
      if (options.dryRun || !changed) return { ...plan.result, storeVersion: await tx.version() };
      const audit = await withCountries(tx, plan.audit, state);
      for (const kind of [...KINDS].reverse()) {
        const keys = plan.deletes.get(kind);
        if (keys?.length) await tx.deleteMany(kind, keys);
      }
      for (const kind of KINDS) {
        const rows = plan.upserts.get(kind);
        if (rows?.length) await tx.upsertMany(kind, rows);
      }
      await tx.appendAudit(audit);
      return { ...plan.result, storeVersion: await tx.bumpVersion() };
    };
    return options.dryRun ? this.adapter.read(run) : this.adapter.write(run);
  }

  /**
   * An import on a store whose transactions cannot hold a region (Neo4j): planned against the state read in
   * one transaction, the items it creates and its audit entries staged in batches of their own transactions
   * (invisible to readers), then one transaction takes the write lock, checks that the store is still at the
   * version planned against (else the plan is made again, up to IMPORT_ATTEMPTS times), applies the deletes
   * and updates, publishes what was staged and bumps the version. Anything staged is removed when it fails.
   */
  private async importStaged(staging: Staging, raw: unknown, options: ImportOptions): Promise<ImportResult> {
    for (let attempt = 1; ; attempt++) {
      const planned = await this.adapter.read(async (tx) => {
        await options.guard?.(viewOf(tx), { raw });
        const version = await tx.version();
        const state = await loadState(tx);
        const { problems, plan } = await this.plan(tx, raw, state, options);
        if (problems.length || !plan) {
          throw new ValidationError(`the document has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written`, problems);
        }
        if (!plan.audit.length) return { version, plan, state, audit: [] };
        return { version, plan, state, audit: await withCountries(tx, plan.audit, state) };
      });
      const { version, plan, state, audit } = planned;
      if (!audit.length) return { ...plan.result, storeVersion: version };
      const { staged, direct } = splitStaged(plan, state);
      const directCount = [...direct.upserts.values(), ...direct.deletes.values()].reduce((n, rows) => n + rows.length, 0);
      if (directCount > MAX_PUBLISHED_CHANGES) {
        throw new ValidationError(`the import changes or deletes ${directCount} existing items; at most ${MAX_PUBLISHED_CHANGES} per import on this store: split it (by country) and import the parts one after the other`, [{
          path: '(document)', message: `changes or deletes ${directCount} existing items; the limit is ${MAX_PUBLISHED_CHANGES}`,
        }]);
      }
      // What the publishing transaction touches: the staged nodes (staged relationships come with their ends), the audit entries, the direct writes.
      const publishedCount = directCount + audit.length
        + [...staged].reduce((n, [kind, rows]) => n + (RELATIONSHIP_KINDS.has(kind) ? 0 : rows.length), 0);
      const maxPublished = staging.maxPublished ?? MAX_PUBLISHED_ITEMS;
      if (publishedCount > maxPublished) {
        throw new ValidationError(`the import publishes ${publishedCount} items and audit entries; at most ${maxPublished} per import on this store (one transaction makes them visible at once): split it (by country) and import the parts one after the other`, [{
          path: '(document)', message: `publishes ${publishedCount} items and audit entries; the limit is ${maxPublished}`,
        }]);
      }
      const importId = randomUUID();
      try {
        // Two lanes at once: the items (kind after kind, since relationships need their staged ends) and the audit
        // entries, which share nothing with them. A failure in one stops the other at its next batch; both have
        // ended before it is reported, so that nothing is staged after the discard below.
        let failed = false;
        const lane = (work: () => Promise<void>) => work().catch((err: unknown) => { failed = true; throw err; });
        const lanes = await Promise.allSettled([
          lane(async () => {
            for (const kind of KINDS) {
              const rows = staged.get(kind) ?? [];
              for (let i = 0; i < rows.length && !failed; i += staging.batchSize) await staging.stage(importId, kind, rows.slice(i, i + staging.batchSize));
            }
          }),
          lane(async () => {
            for (let i = 0; i < audit.length && !failed; i += staging.batchSize) {
              await staging.stageAudit(importId, audit.slice(i, i + staging.batchSize).map((e, j) => ({ ...e, ord: i + j })));
            }
          }),
        ]);
        for (const outcome of lanes) if (outcome.status === 'rejected') throw outcome.reason;
        const storeVersion = await this.adapter.write(async (tx) => {
          await tx.lockMap();
          if (await tx.version() !== version) return undefined;
          // Again under the lock: an account change (a demotion, other countries) does not move the store version.
          await options.guard?.(viewOf(tx), { raw });
          for (const kind of [...KINDS].reverse()) {
            const keys = direct.deletes.get(kind);
            if (keys?.length) await tx.deleteMany(kind, keys);
          }
          const published = await tx.publishStaged!(importId);
          for (const kind of KINDS) {
            const expected = staged.get(kind)?.length ?? 0;
            if (!RELATIONSHIP_KINDS.has(kind) && (published[kind] ?? 0) !== expected) {
              throw new Error(`import ${importId}: ${expected} ${kind} items were staged but ${published[kind] ?? 0} found to publish`);
            }
          }
          if (published.audit !== audit.length) throw new Error(`import ${importId}: ${audit.length} audit entries were staged but ${published.audit} found`);
          for (const kind of KINDS) {
            const rows = direct.upserts.get(kind);
            if (rows?.length) await tx.upsertMany(kind, rows);
          }
          return tx.bumpVersion();
        });
        if (storeVersion !== undefined) return { ...plan.result, storeVersion };
      } catch (err) {
        await staging.discard(importId).catch(() => {}); // what stays is removed at the next start-up
        throw err;
      }
      await staging.discard(importId);
      if (attempt >= IMPORT_ATTEMPTS) {
        throw new ConflictError(`the store changed ${attempt} times while the import was written; nothing was imported: try again`, {}, 'store_changed');
      }
    }
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
      for (const [kind, items] of [['theme', themes], ['indicator', indicators]] as const) {
        const keys = items.map((e) => keyOf(kind, e));
        const existing = await tx.getMany(kind, keys);
        const missing = items.filter((e) => !existing.has(keyOf(kind, e)));
        if (kind === 'indicator') {
          for (const e of missing) await this.checkReferences(tx, kind, e);
        }
        await tx.upsertMany(kind, missing.map((e) => ({ ...e, version: 1, ...this.stamp(actor) }) as Row));
        for (const e of missing) audit.push(this.entry(actor, 'create', kind, keyOf(kind, e), null, e));
        addCount(created, kind, missing.length);
      }
      if (audit.length) {
        await tx.appendAudit(await withCountries(tx, audit));
        await tx.bumpVersion();
      }
      return created;
    });
  }

  // Accounts and sessions: their rules are in accounts.ts.
  listAccounts() { return this.accounts.listAccounts(); }
  getAccount(username: string) { return this.accounts.getAccount(username); }
  createAccount(account: NewAccount, actor: string) { return this.accounts.createAccount(account, actor); }
  updateAccount(username: string, changes: AccountChanges, actor: string, options?: AccountChangeOptions) {
    return this.accounts.updateAccount(username, changes, actor, options);
  }
  deleteAccount(username: string, actor: string) { return this.accounts.deleteAccount(username, actor); }
  recordLogin(username: string, at: string) { return this.accounts.recordLogin(username, at); }
  createSession(session: StoredSession) { return this.accounts.createSession(session); }
  getSession(idHash: string) { return this.accounts.getSession(idHash); }
  touchSession(idHash: string, idleExpiresAt: string) { return this.accounts.touchSession(idHash, idleExpiresAt); }
  deleteSession(idHash: string) { return this.accounts.deleteSession(idHash); }
  endSessions(username: string, exceptIdHash?: string) { return this.accounts.endSessions(username, exceptIdHash); }
  purgeSessions(now: string) { return this.accounts.purgeSessions(now); }
  updateThrottle<T>(keys: readonly string[], now: number, forgetBefore: number, decide: (current: Map<string, ThrottleEntry>) => ThrottleDecision<T>) {
    return this.accounts.updateThrottle(keys, now, forgetBefore, decide);
  }

  close(): Promise<void> {
    return this.adapter.close();
  }

  /** What an import would do (import-plan.ts), with this store's stamps and audit drafts. */
  private plan(tx: TxOps, raw: unknown, state: State, options: { mode: ImportMode; actor: string; dryRun?: boolean; onConflict?: OnConflict }) {
    // One time for the whole import (it commits at once), read once: not a clock read per item of a region.
    const stamp = this.stamp(options.actor);
    const { actor } = options;
    return planImport(tx, raw, state, {
      ...options,
      stamp: () => stamp,
      entry: (action, kind, key, before, after) => ({ at: stamp.updatedAt, actor, action, kind, key, before, after }),
    });
  }

  private async checkReferences(tx: TxOps, kind: Kind, entity: object): Promise<void> {
    const problems: Problem[] = [];
    for (const spec of KIND_SPECS[kind].refs) {
      const values = refValues(entity, spec);
      if (!values.length) continue;
      const found = await tx.getMany(spec.target, values);
      values.forEach((value, i) => {
        if (found.has(value)) return;
        const what = spec.target === 'indicator' ? 'unknown indicator code' : `unknown ${spec.target}`;
        problems.push({ path: spec.many ? `${spec.field}[${i}]` : spec.field, kind, id: keyOf(kind, entity), field: spec.field, message: `${what} '${value}'` });
      });
    }
    if (problems.length) throw new ValidationError(`${kind} refers to items that do not exist`, problems);
  }

  private async checkNcp(tx: TxOps, kind: Kind, entity: object): Promise<void> {
    if (kind !== 'stakeholder' || !(entity as Stakeholder).ncp) return;
    const problem = ncpProblem(entity as Stakeholder, await tx.list('stakeholder'));
    if (problem) throw new ValidationError('a country has exactly one NCP', [problem]);
  }

  private stamp(actor: string) {
    return { updatedAt: this.clock().toISOString(), updatedBy: actor };
  }

  private entry(actor: string, action: Audit['action'], kind: AuditDraft['kind'], key: string, before: unknown, after: unknown): Audit {
    return { at: this.clock().toISOString(), actor, action, kind, key, before, after };
  }
}

/** Reads for a write guard, inside the write's transaction (after its lock). */
function viewOf(tx: TxOps): StoreView {
  return {
    async listMany<K extends Kind>(kinds: readonly K[]) {
      const items = {} as { [P in K]: Stored<P>[] };
      for (const kind of kinds) items[kind] = await tx.list(kind);
      return { items };
    },
    getAccount: (username) => tx.getAccount(username),
  };
}

function checkVersion(kind: Kind, key: string, current: Row, expected: number): void {
  if (current.version !== expected) {
    throw new ConflictError(
      `${kind} '${key}' is at version ${current.version}, not ${expected}: it was changed meanwhile`,
      { current }, 'version_conflict',
    );
  }
}

/** Fills the key fields of an update body from the path, and refuses a body that changes them. */
function withKey(kind: Kind, key: string, input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const fields = KIND_SPECS[kind].keyFields;
  const parts = fields.length === 1 ? [key] : key.split('|');
  const body: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  const problems: Problem[] = [];
  fields.forEach((f, i) => {
    if (body[f] === undefined) body[f] = parts[i];
    else if (body[f] !== parts[i]) problems.push({ path: f, kind, id: key, field: f, message: `cannot be changed (is '${parts[i]}')` });
  });
  if (problems.length) throw new ValidationError(`the key of ${kind} '${key}' cannot be changed`, problems);
  return body;
}

function describeCounts(counts: KindCounts): string {
  return Object.entries(counts).map(([k, n]) => `${n} ${k}${n === 1 ? '' : 's'}`).join(', ');
}

/** Scopes are decided by stakeholders' and networks' countries. */
function kindsNeededForScope(kind: Kind): Kind[] {
  return [...new Set<Kind>([kind, 'stakeholder', 'network'])];
}

function parseRoundInput(input: unknown): RoundInput {
  const result = RoundInput.safeParse(input);
  if (result.success) return result.data;
  const problems = problemsFromZod(result.error, input);
  throw new ValidationError('invalid round', problems);
}

function summaryOf(round: StoredRoundSummary): RoundSummary {
  const { seq: _seq, document: _doc, ...summary } = round as StoredRound;
  return summary;
}

