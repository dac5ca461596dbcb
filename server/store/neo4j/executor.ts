// The one executor for every Cypher query: named queries loaded from cypher/, read or write
// transactions (routing-aware, so clusters and Aura work), sessions closed in `finally`, transactions
// tagged with the app's name, Neo4j errors mapped to the app's own, integers as plain numbers.
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
}

/** Loads every `<name>.cypher` file of a folder once: queries are never built from strings at run time. */
export function loadQueries(dir: string): ReadonlyMap<string, string> {
  const queries = new Map<string, string>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort()) {
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

export class Executor {
  readonly driver: Driver;
  private readonly queries: ReadonlyMap<string, string>;

  constructor(private readonly settings: Neo4jSettings, queryDir = path.join(CYPHER_DIR, 'store')) {
    // Without a password the driver connects with no authentication (a local database with auth off).
    const auth = settings.password ? neo4j.auth.basic(settings.user, settings.password) : undefined;
    this.driver = neo4j.driver(settings.uri, auth, {
      disableLosslessIntegers: true,
      userAgent: 'flow-atlas',
      maxConnectionPoolSize: 20,
      connectionAcquisitionTimeout: 20_000,
      connectionTimeout: 5_000,
      // Retries of transient failures stop after this; an unreachable database then answers 503 quickly.
      maxTransactionRetryTime: 5_000,
    });
    this.queries = loadQueries(queryDir);
  }

  query(name: string): string {
    const text = this.queries.get(name);
    if (text === undefined) throw new Error(`no Cypher query named '${name}' in cypher/`);
    return text;
  }

  /** Runs a named query inside a managed transaction and returns the `row` (or `value`) column. */
  async run<T>(tx: ManagedTransaction, name: string, params: Record<string, unknown> = {}): Promise<T[]> {
    const result = await tx.run(this.query(name), toNeo4j(params) as Record<string, unknown>);
    return result.records.map((r) => (r.has('row') ? r.get('row') : r.has('value') ? r.get('value') : r.toObject()) as T);
  }

  async read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.withSession('READ', (s) => s.executeRead(work, TX_CONFIG));
  }

  async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.withSession('WRITE', (s) => s.executeWrite(work, TX_CONFIG));
  }

  /** Auto-commit statements: schema changes and `CALL { } IN TRANSACTIONS`. */
  async autoCommit(text: string, params: Record<string, unknown> = {}): Promise<void> {
    await this.withSession('WRITE', async (s) => {
      await s.run(text, toNeo4j(params) as Record<string, unknown>, TX_CONFIG);
    });
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async withSession<T>(mode: 'READ' | 'WRITE', fn: (s: Session) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      database: this.settings.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      return await fn(session);
    } catch (err) {
      throw mapNeo4jError(err);
    } finally {
      await session.close();
    }
  }
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
  const code = (err as { code?: string }).code ?? '';
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code.startsWith('Neo.TransientError.General.DatabaseUnavailable')) {
    return new StoreUnavailableError('the Neo4j database is not reachable');
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError('the change conflicts with an existing item (uniqueness constraint)', {}, 'constraint_violation');
  }
  return err;
}
