// Chooses and builds the configured GraphStore: Neo4j when NEO4J_URI is set, else embedded SQLite.
// `createStore` opens it at once (scripts, tests); `startStore` (the server) answers StoreUnavailable while
// an unreachable Neo4j is waited for in the background, then serves.
import path from 'node:path';
import { StoreUnavailableError } from '../errors';
import { CoreGraphStore } from './core';
import type { Neo4jSettings } from './neo4j/executor';
import type { GraphStore } from './port';
import { SqliteAdapter } from './sqlite/adapter';

export type { GraphStore } from './port';

export const SQLITE_FILE = 'flow-atlas.sqlite';

/** Where the store is: Neo4j's settings (timeouts optional), else the data folder of the embedded store. */
export interface StoreConfig {
  dataDir: string;
  neo4j?: Neo4jSettings | undefined;
}

/** The store and, on Neo4j, a check that reaches the database (StoreUnavailableError when it cannot). */
async function buildStore(config: StoreConfig): Promise<{ store: GraphStore; verify?: () => Promise<void> }> {
  if (config.neo4j) {
    // Loaded only for Neo4j; with require(): import() of a .ts file needs tsx's ES module hooks, which `npm run import`
    // does without (scripts/import.ts).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Neo4jAdapter } = require('./neo4j/adapter') as typeof import('./neo4j/adapter');
    const adapter = new Neo4jAdapter(config.neo4j);
    return { store: new CoreGraphStore(adapter), verify: () => adapter.executor.verify() };
  }
  return { store: new CoreGraphStore(new SqliteAdapter(path.join(config.dataDir, SQLITE_FILE))) };
}

export async function createStore(config: StoreConfig): Promise<GraphStore> {
  const { store } = await buildStore(config);
  await store.init();
  return store;
}

export interface StartedStore {
  /** Answers StoreUnavailableError (health: unreachable) until the store is initialised and prepared. */
  store: GraphStore;
  /** Resolves once the store serves; rejects on a problem that waiting cannot fix (or when closed first). */
  ready: Promise<void>;
  /** True once the store serves. */
  isReady(): boolean;
}

export interface StartOptions {
  /** Runs once the store is reachable and initialised (seeding, the first administrator); retried with init. */
  prepare?: (store: GraphStore) => Promise<void>;
  /** Pause between attempts while the store is unreachable (default 500 ms). */
  retryMs?: number;
  /** Called after each attempt that failed because the store is unreachable. */
  onWait?: (err: StoreUnavailableError, attempt: number) => void;
}

/**
 * Opens the store and initialises it in the background: the schema, then `prepare`, attempted again
 * every `retryMs` for as long as the store is unreachable. Any other failure rejects `ready`.
 */
export async function startStore(config: StoreConfig, options: StartOptions = {}): Promise<StartedStore> {
  const { store: inner, verify } = await buildStore(config);
  const retryMs = options.retryMs ?? 500;
  let ready = false;
  let closed = false;
  let waitingFor = 'the store is starting';

  /** Unreachable, as opposed to broken: the error itself says so, or the database does not answer now. */
  const unreachable = async (err: unknown): Promise<boolean> => {
    if (err instanceof StoreUnavailableError) return true;
    if (!verify) return false;
    return verify().then(
      () => false,
      (e: unknown) => e instanceof StoreUnavailableError,
    );
  };

  const run = async (): Promise<void> => {
    for (let attempt = 1; ; attempt += 1) {
      if (closed) throw new StoreUnavailableError('the store was closed before it was ready');
      try {
        await verify?.();
        await inner.init();
        await options.prepare?.(inner);
        ready = true;
        // Query plans for the first requests, made in the background (neo4j/warm-up.ts).
        void (inner as GraphStore & { warmUp?: () => Promise<void> }).warmUp?.();
        return;
      } catch (err) {
        if (closed) throw new StoreUnavailableError('the store was closed before it was ready');
        if (!(await unreachable(err))) throw err;
        const why =
          err instanceof StoreUnavailableError
            ? err
            : new StoreUnavailableError(err instanceof Error ? err.message : String(err));
        waitingFor = `waiting for the store: ${why.message}`;
        options.onWait?.(why, attempt);
        await new Promise((resolve) => setTimeout(resolve, retryMs));
      }
    }
  };
  const readyPromise = run();
  readyPromise.catch(() => {}); // observed by the caller; never an unhandled rejection

  const notReady = async () => {
    throw new StoreUnavailableError(`the store is not ready yet (${waitingFor})`);
  };
  // Accounts and sessions wait for the store as the map does.
  const accounts = new Proxy(inner.accounts, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      return ready ? (value as (...args: unknown[]) => unknown).bind(target) : notReady;
    },
  });
  const gated = new Proxy(inner, {
    get(target, prop) {
      if (prop === 'accounts') return accounts;
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      if (prop === 'close') {
        return async () => {
          closed = true;
          await readyPromise.catch(() => {});
          await target.close();
        };
      }
      if (ready) return (value as (...args: unknown[]) => unknown).bind(target);
      if (prop === 'health') {
        return async () => ({ store: target.kind, reachable: false, error: waitingFor });
      }
      return notReady;
    },
  });
  return { store: gated, ready: readyPromise, isReady: () => ready };
}
