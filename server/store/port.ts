// The GraphStore port (what the API and scripts use) and the narrow transactional interface that
// each adapter (SQLite, Neo4j) implements. All rules live once, over the adapter: in core.ts and the modules it composes
// (imports.ts, rounds.ts, accounts.ts as `store.accounts`). Over 350 lines on purpose: it is the one contract of the
// store, its two faces (GraphStore for callers, TxOps/Adapter/Staging for adapters) and the types they share, read
// together when an adapter is written or a caller checks what the store promises; it holds no code.
import type {
  AuditEntry,
  AuditKind,
  ConflictCount,
  ImportConflict,
  Indicator,
  KeptItem,
  Kind,
  MapDocument,
  OnConflict,
  Problem,
  Round,
  RoundSummary,
  Stored,
  Theme,
} from '../model';
import type { Account } from '../model/account';

export type StoreKind = 'sqlite' | 'neo4j';

/** A country code, or the whole region when undefined. */
export interface Scope {
  country?: string;
}

export interface Snapshot {
  scope: Scope;
  storeVersion: number;
  takenAt: string;
  document: MapDocument;
  catalogue: { themes: Theme[]; indicators: Indicator[] };
}

export type { ImportMode } from '../model/api';
import type { ImportMode } from '../model/api';

export interface ImportOptions {
  mode: ImportMode;
  actor: string;
  /** Validate and count, write nothing. */
  dryRun?: boolean;
  /** Fields changed both in the file and in the store since the file's version: keep the store's (default) or overwrite. */
  onConflict?: OnConflict;
  /** Run in the import's transaction (after the write lock) before it plans anything; throws to refuse. */
  guard?: WriteGuard<{ raw: unknown }>;
}

export interface ValidateOptions {
  /** Run in the validation's read transaction before it plans anything (as an import's); throws to refuse. */
  guard?: ImportOptions['guard'];
}

export type KindCounts = Partial<Record<Kind, number>>;

export interface ImportResult {
  mode: ImportMode;
  dryRun: boolean;
  created: KindCounts;
  updated: KindCounts;
  deleted: KindCounts;
  unchanged: KindCounts;
  storeVersion: number;
  onConflict: OnConflict;
  /** Items of the file changed in the store since the file's version, merged field by field. */
  merged: KindCounts;
  /** The fields changed on both sides (at most MAX_LISTED_CONFLICTS listed; `conflictCount` counts all). */
  conflicts: ImportConflict[];
  conflictCount: ConflictCount;
  /** Replace: items the file lacks that were not deleted, because they were created or changed after its store version. */
  kept: KeptItem[];
  /** What the import could not do as asked, in sentences (an item whose base is not in the audit trail). */
  notes: string[];
}

export interface ExportOptions {
  /** Each item's version, and the document's exportedAt and storeVersion, for a file that can be imported again. */
  versions?: boolean;
}

export interface ListFilter {
  country?: string;
}

export interface AuditQuery {
  kind?: AuditKind;
  key?: string;
  actor?: string;
  /** Entries whose item belongs to this country (see AuditEntry.countries). */
  country?: string;
  /** Entries with seq greater than this. */
  after?: number;
  /** Entries with seq less than this (paging newest first). */
  before?: number;
  limit?: number;
}

/** One page of the audit trail, newest first; `nextBefore` is set when older entries exist. */
export interface AuditPage {
  entries: AuditEntry[];
  nextBefore?: number;
}

/** A round as an adapter stores it: the summary, its order of creation, and the frozen document. */
export interface StoredRound extends Round {
  /** Increases with every round frozen; orders rounds newest first. */
  seq: number;
}

export type StoredRoundSummary = Omit<StoredRound, 'document'>;

export interface DeleteOptions {
  cascade?: boolean;
  guard?: WriteGuard<{ before: Stored<Kind> | undefined; after: unknown }>;
}

export interface Health {
  store: StoreKind;
  reachable: boolean;
  storeVersion?: number;
  error?: string;
}

/** An account as stored: the account and its scrypt hash (with its parameters). Not map data. */
export interface StoredAccount extends Account {
  passwordHash: string;
}

/** What creating an account takes; the store stamps createdAt and updatedAt. */
export type NewAccount = Omit<StoredAccount, 'createdAt' | 'updatedAt' | 'lastLoginAt'>;

/** A change to an account; `displayName: null` removes it; a new `passwordHash` is a password reset. */
export interface AccountChanges {
  role?: Account['role'];
  countries?: string[];
  displayName?: string | null;
  passwordHash?: string;
}

export interface AccountChangeOptions {
  /** End the account's sessions (all, or all but the one whose id hash is `except`). */
  endSessions?: { except?: string };
  /**
   * Runs inside the write transaction, after the account is locked and read and before anything is
   * written; throws to refuse (a password change checks the current password here).
   */
  check?: (current: StoredAccount) => Promise<void>;
}

/** Consecutive sign-in failures of one key (`user:<name>` or `addr:<address>`); times in epoch ms. */
export interface ThrottleEntry {
  key: string;
  failures: number;
  lastFailureAt: number;
  lockedUntil?: number;
}

/** What a throttle step decides from the current entries: what to write, what to forget, what to answer. */
export interface ThrottleDecision<T> {
  put: ThrottleEntry[];
  remove: string[];
  result: T;
}

/** A server-side session: only the SHA-256 of its id is stored. Times are ISO strings. */
export interface StoredSession {
  idHash: string;
  username: string;
  createdAt: string;
  /** Absolute expiry (SESSION_HOURS after sign-in). */
  expiresAt: string;
  /** Idle expiry, moved forward while the session is used. */
  idleExpiresAt: string;
}

/**
 * Who is looking at what (the change feed's presence): one entry per browser tab of a session, kept while the tab
 * says it is there (its heartbeat moves `expiresAt`). Not map data, like sessions.
 */
export interface StoredPresence {
  idHash: string;
  /** The tab's own id (random, chosen by the tab). */
  tab: string;
  username: string;
  role: string;
  country: string | null;
  view: string;
  editingKind: string | null;
  editingKey: string | null;
  expiresAt: string;
}

/**
 * Accounts and sessions, in the same store as the map but not part of it: not in exports, imports,
 * rounds or the store version. Account changes are audited (kind `account`) without the password hash.
 */
export interface AccountStore {
  /** Every account, by username, without password hashes. */
  listAccounts(): Promise<Account[]>;
  /** One account with its hash (to verify a password), or undefined. */
  getAccount(username: string): Promise<StoredAccount | undefined>;
  /** Conflict `already_exists` if the username is taken. */
  createAccount(account: NewAccount, actor: string): Promise<Account>;
  /** NotFound if missing; Conflict `last_admin` when it would leave no administrator. */
  updateAccount(
    username: string,
    changes: AccountChanges,
    actor: string,
    options?: AccountChangeOptions,
  ): Promise<Account>;
  /** Removes the account and ends its sessions; Conflict `last_admin` for the last administrator. */
  deleteAccount(username: string, actor: string): Promise<{ deleted: true }>;
  /** Notes a successful sign-in (not audited). */
  recordLogin(username: string, at: string): Promise<void>;
  createSession(session: StoredSession): Promise<void>;
  /** The session and its account (without hash), or undefined when either is gone. Expiry is the caller's to judge. */
  getSession(idHash: string): Promise<{ session: StoredSession; account: Account } | undefined>;
  touchSession(idHash: string, idleExpiresAt: string): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  /** Ends an account's sessions (but `exceptIdHash`); how many ended. */
  endSessions(username: string, exceptIdHash?: string): Promise<number>;
  /** Deletes the sessions expired at `now` (absolute or idle); how many. */
  purgeSessions(now: string): Promise<number>;
  /** Notes a tab's presence (replacing its last), dropping every presence expired at `now` on the way. */
  putPresence(presence: StoredPresence, now: string): Promise<void>;
  /** Ends a tab's presence, or (without `tab`) every tab's of the session. */
  leavePresence(idHash: string, tab?: string): Promise<void>;
  /** Every presence not expired at `now`, by username then tab. */
  listPresence(now: string): Promise<StoredPresence[]>;
  /**
   * One atomic step of the sign-in throttle, shared by every app instance on the store: reads the entries
   * of `keys`, lets `decide` work out the next ones (or throw, writing nothing), and writes them. Entries
   * idle since `forgetBefore` whose lock has ended by `now` are dropped on the way.
   */
  updateThrottle<T>(
    keys: readonly string[],
    now: number,
    forgetBefore: number,
    decide: (current: Map<string, ThrottleEntry>) => ThrottleDecision<T>,
  ): Promise<T>;
}

/**
 * A check run inside a map write's transaction, after the store's write lock is taken and before anything
 * is written (an NCP's country scope); it reads through `view`, which sees the transaction's state, and
 * throws to refuse.
 */
export type WriteGuard<C> = (view: StoreView, change: C) => Promise<void>;

/** Reads inside a write transaction, for guards. */
export interface StoreView {
  listMany<K extends Kind>(kinds: readonly K[]): Promise<{ items: { [P in K]: Stored<P>[] } }>;
  /** The account as stored now (a guard checks that the writer may still write). */
  getAccount(username: string): Promise<StoredAccount | undefined>;
}

export interface RoundWriteOptions {
  /** Run after the write lock, before anything is written; `country` is the round's (null: the region). */
  guard?: WriteGuard<{ country: string | null }>;
}

export interface EntityWriteOptions {
  /** `before` is the stored item (undefined on create); `after` the item as it will be (undefined on delete). */
  guard?: WriteGuard<{ before: Stored<Kind> | undefined; after: unknown }>;
}

/** One map change of the audit trail, as `changesSince` reports it. */
export interface StoreChange {
  /** The store version the change was committed as. */
  storeVersion: number;
  action: AuditEntry['action'];
  kind: AuditKind;
  key: string;
  /** The countries the item belonged to before or after the change (AuditEntry.countries). */
  countries: string[];
}

/**
 * What changed after a store version (`from`), up to the version read (`storeVersion`): every map change
 * committed in between, oldest first; or, when the audit trail cannot tell, `known: false` and why (a version in
 * the range without an audit entry, more changes than the limit, a version the store has not reached): the
 * caller then reads everything again.
 */
export type StoreChanges =
  | { known: true; from: number; storeVersion: number; changes: StoreChange[] }
  | { known: false; from: number; storeVersion: number; reason: string };

/** At most this many changes are reported by `changesSince` unless asked otherwise; more: it cannot tell. */
export const CHANGES_LIMIT = 1000;

/** The map kinds behind the map of a country (or the region). */
export const MAP_KINDS = [
  'country',
  'stakeholder',
  'flow',
  'dataset',
  'reportingLine',
  'network',
  'membership',
  'interview',
] as const;
export type MapKind = (typeof MAP_KINDS)[number];
export type MapItems = { [K in MapKind]: Stored<K>[] };

/**
 * A country's map as stored, with metadata, each kind in the order `list` gives: the country's record, its
 * stakeholders and the foreign ends of the flows touching them (whatever a flow carries), those flows, the
 * reporting lines with an end among its stakeholders, its networks, the memberships of its stakeholders or in its
 * networks, and the datasets and interviews of its stakeholders. What the user may see is the caller's to filter.
 */
export interface CountryMap {
  storeVersion: number;
  /** Empty lists (and no country record) when the country is not in the map. */
  items: MapItems;
}

/** Per country (in `list('country')` order): its record, its NCP's id, how many stakeholders and how many flows touch them. */
export interface CountryCount {
  country: Stored<'country'>;
  ncp: string | null;
  stakeholders: number;
  flows: number;
  /** Of `flows`, those whose personalData is one of CountryCountOptions.personalData (only when it is given). */
  personalFlows?: number;
}

export interface CountryCountOptions {
  /** Also count, per country, the flows whose `personalData` is one of these values (`personalFlows`). */
  personalData?: readonly string[];
}

export interface GraphStore {
  readonly kind: StoreKind;
  /** Accounts, sessions and the sign-in throttle: in the same store, not map data. */
  readonly accounts: AccountStore;
  init(): Promise<void>;
  health(): Promise<Health>;
  storeVersion(): Promise<number>;
  list<K extends Kind>(kind: K, filter?: ListFilter): Promise<Stored<K>[]>;
  get<K extends Kind>(kind: K, key: string): Promise<Stored<K>>;
  /** Several kinds, with their metadata, read in one transaction. */
  listMany<K extends Kind>(kinds: readonly K[]): Promise<{ storeVersion: number; items: { [P in K]: Stored<P>[] } }>;
  /** The map of one country, read with indexed, scoped queries in one consistent read (see CountryMap). */
  countryMap(country: string): Promise<CountryMap>;
  /** The country list's counts, one aggregate read (with the flows of some personalData values, a second one). */
  countryCounts(options?: CountryCountOptions): Promise<{ storeVersion: number; countries: CountryCount[] }>;
  /** The map changes committed after store version `version` (at most `limit`, default CHANGES_LIMIT), from the audit trail. */
  changesSince(version: number, options?: { limit?: number }): Promise<StoreChanges>;
  create<K extends Kind>(kind: K, input: unknown, actor: string, options?: EntityWriteOptions): Promise<Stored<K>>;
  update<K extends Kind>(
    kind: K,
    key: string,
    input: unknown,
    expectedVersion: number,
    actor: string,
    options?: EntityWriteOptions,
  ): Promise<Stored<K>>;
  delete(
    kind: Kind,
    key: string,
    expectedVersion: number,
    actor: string,
    options?: DeleteOptions,
  ): Promise<{ deleted: KindCounts; updated: KindCounts }>;
  snapshot(scope: Scope): Promise<Snapshot>;
  importDocument(raw: unknown, options: ImportOptions): Promise<ImportResult>;
  /** Validates a document against the store without writing; the problems, or none. */
  validateDocument(raw: unknown, mode: ImportMode, options?: ValidateOptions): Promise<Problem[]>;
  exportDocument(scope: Scope, options?: ExportOptions): Promise<MapDocument>;
  audit(query?: AuditQuery): Promise<AuditEntry[]>;
  /** A page of the audit trail (newest first) with the `before` to ask for the next, older page. */
  auditPage(query?: AuditQuery): Promise<AuditPage>;
  /** Everyone who has changed something, sorted. */
  auditActors(): Promise<string[]>;
  /** Freezes the current map of a country (or the region) as a named round. */
  freezeRound(input: unknown, actor: string, options?: RoundWriteOptions): Promise<RoundSummary>;
  /** Newest first; with a country, that country's rounds and the region's. */
  listRounds(country?: string): Promise<RoundSummary[]>;
  getRound(id: string): Promise<Round>;
  deleteRound(id: string, actor: string, options?: RoundWriteOptions): Promise<{ deleted: true }>;
  /** Adds the catalogue's themes and indicators that the store lacks; never overwrites one. */
  ensureCatalogue(catalogue: { themes: unknown[]; indicators: unknown[] }, actor: string): Promise<KindCounts>;
  close(): Promise<void>;
}

/** Operations inside one adapter transaction. Rows are whole stored entities (entity + meta). */
export interface TxOps {
  /**
   * Takes the map's write lock (Neo4j: a write to the store-version node; SQLite: BEGIN IMMEDIATE has
   * taken it already). Every map write takes it first, before it reads anything it checks, so two writes
   * never both pass the same version check (Neo4j's read-committed isolation reads without locks).
   */
  lockMap(): Promise<void>;
  list<K extends Kind>(kind: K): Promise<Array<Stored<K>>>;
  getMany<K extends Kind>(kind: K, keys: readonly string[]): Promise<Map<string, Stored<K>>>;
  upsertMany(kind: Kind, rows: ReadonlyArray<Stored<Kind>>): Promise<void>;
  deleteMany(kind: Kind, keys: readonly string[]): Promise<void>;
  /**
   * Appends audit entries; each entry of a map item is stamped with the store version its write commits as
   * (the version after this transaction's bump).
   */
  appendAudit(entries: ReadonlyArray<Omit<AuditEntry, 'seq' | 'storeVersion'>>): Promise<void>;
  /**
   * Writes an import's items of one kind with their audit entries (appended as appendAudit does): entry i creates or
   * updates the item in its `after`, stored at version `versions[i]` with `stamp`. The embedded store serialises each
   * item once for its row and its entry, and makes no row objects. Optional: an import without it writes the rows
   * with upsertMany and their entries with appendAudit.
   */
  upsertAudited?(
    kind: Kind,
    entries: ReadonlyArray<Omit<AuditEntry, 'seq' | 'storeVersion'>>,
    versions: readonly number[],
    stamp: { updatedAt: string; updatedBy: string },
  ): Promise<void>;
  /** The audit entries of some items of one kind, oldest first (what an import merges a stale item against). */
  history(kind: Kind, keys: readonly string[]): Promise<AuditEntry[]>;
  /**
   * Makes what an import staged visible (nodes relabelled, audit entries numbered and stamped with the version
   * this transaction commits as); how many items of each kind (and `audit` entries) it published.
   * Only on adapters with `staging`.
   */
  publishStaged?(importId: string): Promise<Record<string, number>>;
  /** Items of the country's map (CountryMap.items) as stored; each kind in `list` order. */
  countryMap(country: string): Promise<MapItems>;
  /** The country list's counts (CountryCount), in `list('country')` order. */
  countryCounts(options?: CountryCountOptions): Promise<CountryCount[]>;
  /**
   * The map changes stamped with a store version in (after, upTo], ordered by store version, at most `limit`
   * (audit entries without a store version, rounds and accounts, are never among them).
   */
  changesBetween(after: number, upTo: number, limit: number): Promise<StoreChange[]>;
  /** Increments and returns the store version (once per committed write). */
  bumpVersion(): Promise<number>;
  version(): Promise<number>;
  /** Increments and returns the round sequence (ids and order of rounds). */
  nextRoundSeq(): Promise<number>;
  putRound(round: StoredRound): Promise<void>;
  getRound(id: string): Promise<StoredRound | undefined>;
  /** Every round without its document, in no particular order. */
  listRounds(): Promise<StoredRoundSummary[]>;
  deleteRound(id: string): Promise<void>;
  /** Serialises account changes that check other accounts (the last administrator). */
  lockAccounts(): Promise<void>;
  listAccounts(): Promise<StoredAccount[]>;
  getAccount(username: string): Promise<StoredAccount | undefined>;
  /** Creates or replaces an account. */
  putAccount(account: StoredAccount): Promise<void>;
  deleteAccount(username: string): Promise<void>;
  putSession(session: StoredSession): Promise<void>;
  getSession(idHash: string): Promise<StoredSession | undefined>;
  touchSession(idHash: string, idleExpiresAt: string): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  deleteSessionsOf(username: string, exceptIdHash?: string): Promise<number>;
  purgeSessions(now: string): Promise<number>;
  putPresence(presence: StoredPresence): Promise<void>;
  deletePresence(idHash: string, tab?: string): Promise<void>;
  /** Presence entries expiring after `now`. */
  listPresence(now: string): Promise<StoredPresence[]>;
  purgePresence(now: string): Promise<void>;
  /** Serialises throttle steps (Neo4j: a write to one meta node). */
  lockThrottle(): Promise<void>;
  getThrottle(keys: readonly string[]): Promise<Map<string, ThrottleEntry>>;
  putThrottle(entries: readonly ThrottleEntry[]): Promise<void>;
  deleteThrottle(keys: readonly string[]): Promise<void>;
  /** Drops entries idle since `before` whose lock (if any) has ended by `now`. */
  purgeThrottle(before: number, now: number): Promise<void>;
}

/** An audit entry staged by a big import: numbered (and stamped with its store version) when the import is published. */
export type StagedAuditEntry = Omit<AuditEntry, 'seq' | 'storeVersion'> & { ord: number };

/**
 * Big imports written in batches of their own transactions, invisible to readers until one small transaction
 * publishes them (Neo4j: one transaction holding a whole region runs out of transaction memory). Only items
 * created by the import are staged; `publishStaged` (TxOps) makes them visible.
 */
export interface Staging {
  /** Stages created items of one kind (relationships only between items staged by the same import), one transaction. */
  stage(importId: string, kind: Kind, rows: ReadonlyArray<Stored<Kind>>): Promise<void>;
  /** Stages audit entries, one transaction. */
  stageAudit(importId: string, entries: readonly StagedAuditEntry[]): Promise<void>;
  /** Removes what an import staged (after a failure). */
  discard(importId: string): Promise<void>;
  /** Removes what imports not heard of for `staleMs` staged (a killed process); returns how many imports. */
  discardStale(staleMs: number): Promise<number>;
  /** At most this many items per staging transaction. */
  readonly batchSize: number;
  /** At most this many items and audit entries published by one import (default MAX_PUBLISHED_ITEMS in core.ts). */
  readonly maxPublished?: number;
}

export interface Adapter {
  readonly kind: StoreKind;
  /** Present when big imports are staged (Neo4j); absent when one transaction holds any import (SQLite). */
  readonly staging?: Staging;
  /** Creates the schema (migrations, constraints) if needed. */
  init(): Promise<void>;
  read<T>(fn: (tx: TxOps) => Promise<T>): Promise<T>;
  /** All or nothing: if fn throws, nothing it wrote remains. */
  write<T>(fn: (tx: TxOps) => Promise<T>): Promise<T>;
  audit(query: AuditQuery): Promise<AuditEntry[]>;
  auditActors(): Promise<string[]>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
