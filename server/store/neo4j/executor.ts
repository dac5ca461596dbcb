// The one executor for every Cypher query: named queries loaded from cypher/, read or write
// transactions (routing-aware, so clusters and Aura work), sessions closed in `finally`, transactions
// tagged with the app's name, Neo4j errors mapped to the app's own, integers as plain numbers.
// A small circuit breaker answers StoreUnavailable at once while the database is known to be down
// (a background probe flips it back up); transient errors (deadlocks, lock time-outs) are retried here.
import fs from 'node:fs';
import path from 'node:path';
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { ConflictError, StoreUnavailableError } from '../../errors';

export const CYPHER_DIR = path.resolve(__dirname, '../../../cypher');

export interface Neo4jSettings {
  uri: string;
  user: string;
  password: string;
  database: string;
  /** Giving up on opening a TCP/Bolt connection (NEO4J_CONNECTION_TIMEOUT_MS, default 5000). */
  connectionTimeoutMs?: number;
  /** Waiting for a free connection of the pool (NEO4J_ACQUISITION_TIMEOUT_MS, default 20000). */
  acquisitionTimeoutMs?: number;
  /** NEO4J_POOL_SIZE, default 20. */
  poolSize?: number;
  /** How long transient errors (deadlocks, lock waits) are retried (NEO4J_MAX_RETRY_MS, default 5000). */
  maxRetryMs?: number;
  /** How often a down database is probed (NEO4J_PROBE_INTERVAL_MS, default 500). */
  probeIntervalMs?: number;
}

export const NEO4J_DEFAULTS = {
  connectionTimeoutMs: 5_000,
  acquisitionTimeoutMs: 20_000,
  poolSize: 20,
  maxRetryMs: 5_000,
  probeIntervalMs: 500,
} as const;

/** Loads every `<name>.cypher` file of a folder once: queries are never built from strings at run time. */
export function loadQueries(dir: string): ReadonlyMap<string, string> {
  const queries = new Map<string, string>();
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()) {
    queries.set(file.slice(0, -'.cypher'.length), fs.readFileSync(path.join(dir, file), 'utf8'));
  }
  return queries;
}

/** Splits a schema file into statements (one per `;`), dropping comment lines. */
export function statements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

const TX_CONFIG = { metadata: { app: 'flow-atlas' } };
/** The driver's fetch size that pulls a whole result in one request. */
const FETCH_ALL = -1;

/** Why the database is taken for down: the driver cannot reach it, or it is not serving. */
export function isUnavailable(err: unknown): boolean {
  if (err instanceof StoreUnavailableError) return true;
  const code = (err as { code?: string } | null)?.code ?? '';
  return (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    code.startsWith('Neo.TransientError.General.DatabaseUnavailable')
  );
}

/** Errors worth running the transaction again for: Neo4j's transient ones, except the database being unavailable. */
function isTransient(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code ?? '';
  return code.startsWith('Neo.TransientError.') && !isUnavailable(err);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Executor {
  readonly driver: Driver;
  private readonly queries: ReadonlyMap<string, string>;
  private readonly maxRetryMs: number;
  private readonly probeIntervalMs: number;
  /**
   * The bookmarks of this instance's last transactions, given to each new one: on a cluster a read then
   * waits until its server has applied them, so a user sees its own writes (read-your-writes).
   */
  private readonly bookmarks = neo4j.bookmarkManager();
  /** Set while the database is known to be down: why, and since when. */
  private down?: { since: number; reason: string };
  private probing?: Promise<void>;
  private closed = false;

  constructor(
    private readonly settings: Neo4jSettings,
    queryDir = path.join(CYPHER_DIR, 'store'),
  ) {
    // Without a password the driver connects with no authentication (a local database with auth off).
    const auth = settings.password ? neo4j.auth.basic(settings.user, settings.password) : undefined;
    const o = { ...NEO4J_DEFAULTS, ...withoutUndefined(settings) };
    this.maxRetryMs = o.maxRetryMs;
    this.probeIntervalMs = o.probeIntervalMs;
    this.driver = neo4j.driver(settings.uri, auth, {
      disableLosslessIntegers: true,
      userAgent: 'flow-atlas',
      maxConnectionPoolSize: o.poolSize,
      connectionAcquisitionTimeout: o.acquisitionTimeoutMs,
      connectionTimeout: o.connectionTimeoutMs,
      // The driver retries nothing itself (it would also retry an unreachable database for the whole
      // retry time): transient errors are retried in `transaction`, an unreachable database fails fast.
      maxTransactionRetryTime: 0,
      // Every result is read to its end: Neo4j sends all of it at once instead of 1,000 records per request, so it
      // does not wait for the app to decode each batch before producing the next (TCP's window is the back-pressure).
      fetchSize: FETCH_ALL,
    });
    this.queries = loadQueries(queryDir);
  }

  /** True while the database is known to be down (requests then fail at once with StoreUnavailableError). */
  get isDown(): boolean {
    return this.down !== undefined;
  }

  /** Checks that the database answers (Bolt handshake and the database's server info); StoreUnavailableError if not. */
  async verify(): Promise<void> {
    this.failIfDown();
    try {
      await this.driver.verifyConnectivity({ database: this.settings.database });
    } catch (err) {
      this.noteFailure(err);
      throw mapNeo4jError(err);
    }
  }

  query(name: string): string {
    const text = this.queries.get(name);
    if (text === undefined) throw new Error(`no Cypher query named '${name}' in cypher/`);
    return text;
  }

  /** Runs a named query inside a managed transaction and returns the `row` (or `value`) column. */
  async run<T>(tx: ManagedTransaction, name: string, params: Record<string, unknown> = {}): Promise<T[]> {
    const result = await tx.run(this.query(name), toNeo4j(params));
    return result.records.map(
      (r) => (r.has('row') ? r.get('row') : r.has('value') ? r.get('value') : r.toObject()) as T,
    );
  }

  async read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.transaction('READ', work);
  }

  async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.transaction('WRITE', work);
  }

  /** Auto-commit statements: schema changes and `CALL { } IN TRANSACTIONS`. */
  async autoCommit(text: string, params: Record<string, unknown> = {}): Promise<void> {
    await this.withSession('WRITE', async (s) => {
      await s.run(text, toNeo4j(params), TX_CONFIG);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.driver.close(); // ends a probe still waiting on the database
    await this.probing?.catch(() => {});
  }

  /** A managed transaction, run again on transient errors (with back-off) for up to maxRetryMs. */
  private async transaction<T>(mode: 'READ' | 'WRITE', work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const started = Date.now();
    let delay = 50;
    for (;;) {
      try {
        return await this.withSession(mode, (s) =>
          mode === 'READ' ? s.executeRead(work, TX_CONFIG) : s.executeWrite(work, TX_CONFIG),
        );
      } catch (err) {
        if (!isTransient(err) || Date.now() - started + delay > this.maxRetryMs) throw err;
        await sleep(delay * (0.8 + Math.random() * 0.4));
        delay = Math.min(delay * 2, 1_000);
      }
    }
  }

  private async withSession<T>(mode: 'READ' | 'WRITE', fn: (s: Session) => Promise<T>): Promise<T> {
    this.failIfDown();
    const session = this.driver.session({
      database: this.settings.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
    });
    try {
      return await fn(session);
    } catch (err) {
      this.noteFailure(err);
      throw mapNeo4jError(err);
    } finally {
      await session.close().catch(() => {}); // a session on a lost connection cannot close cleanly
    }
  }

  private failIfDown(): void {
    if (this.down) throw new StoreUnavailableError(`the Neo4j database is not reachable (${this.down.reason})`);
  }

  /** An unreachable database marks the store down until the probe reaches it again. */
  private noteFailure(err: unknown): void {
    if (this.closed || this.down || !isUnavailable(err)) return;
    this.down = {
      since: Date.now(),
      reason: err instanceof Error ? err.message.split('\n')[0]!.slice(0, 200) : String(err),
    };
    this.probing = this.probe();
  }

  /**
   * Every probeIntervalMs, runs `RETURN 1` in a read transaction of the database; up again on the first
   * answer. A real transaction, not only a Bolt handshake: a starting or stopping Neo4j accepts Bolt
   * connections (and may hold a transaction's start for many seconds) before its database serves, and
   * requests must keep failing fast until it does. One probe at a time, awaited however long it takes.
   */
  private async probe(): Promise<void> {
    while (this.down && !this.closed) {
      await sleep(this.probeIntervalMs);
      if (this.closed) return;
      const session = this.driver.session({ database: this.settings.database, defaultAccessMode: neo4j.session.READ });
      try {
        await session.executeRead((tx) => tx.run('RETURN 1'), TX_CONFIG);
        this.down = undefined;
      } catch {
        // still down: try again after the interval
      } finally {
        await session.close().catch(() => {});
      }
    }
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Parameters to Neo4j values: JavaScript whole numbers become Neo4j integers (every number in the
 * domain is a whole number: versions, years, days, sequence numbers), so Cypher sees INTEGER, not FLOAT.
 * Results come back as plain numbers through `disableLosslessIntegers`.
 */
export function toNeo4j(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toNeo4j);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNeo4j(v)]));
  }
  return value;
}

/** Neo4j errors to app errors: unreachable database 503, constraint violations 409; others unchanged. */
export function mapNeo4jError(err: unknown): unknown {
  if (err instanceof StoreUnavailableError) return err;
  const code = (err as { code?: string } | null)?.code ?? '';
  if (isUnavailable(err)) {
    return new StoreUnavailableError('the Neo4j database is not reachable');
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError(
      'the change conflicts with an existing item (uniqueness constraint)',
      {},
      'constraint_violation',
    );
  }
  return err;
}
