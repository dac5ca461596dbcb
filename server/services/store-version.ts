// The store version as the caches behind the map, the analyses and the exports check it. Requests asking at the
// same moment share one read, and a request gets the answer of a read that started after it asked, so it sees
// every write that had finished before: under load at most two reads in flight instead of one per request.
// On Neo4j (a network round trip, and CPU on the database) a read is also reused for a short window
// (VERSION_WINDOW_MS after it started), and read again ahead of the window's end while requests keep coming,
// so that under load no request waits for it; a write through this process's store object ends the window at
// once (its methods other than reads are watched), so this instance shows its own writes at once and other
// instances' writes within the window. The embedded store reads its version every time (a local read).
import type { GraphStore, StoreKind } from '../store/port';

/** How long a Neo4j version read is reused (ms after it started): other instances' writes show within this. */
export const VERSION_WINDOW_MS: Record<StoreKind, number> = { sqlite: 0, neo4j: 250 };

/** The store's writing methods (GraphStore): the end of each ends the window. */
const WRITES = [
  'create',
  'update',
  'delete',
  'importDocument',
  'freezeRound',
  'deleteRound',
  'ensureCatalogue',
] as const;
/** The account store's (GraphStore.accounts) too; session and throttle writes change no answer. */
const ACCOUNT_WRITES = ['createAccount', 'updateAccount', 'deleteAccount'] as const;

export interface VersionCheckOptions {
  /** Reuse window in ms (default: VERSION_WINDOW_MS of the store's kind; 0: every request waits for a read). */
  windowMs?: number;
  /** Monotonic clock in ms (tests). */
  now?: () => number;
}

interface Done {
  value: number;
  startedAt: number;
  epoch: number;
}

class VersionReader {
  private running?: Promise<number>;
  private runningStartedAt = 0;
  private runningEpoch = 0;
  private next?: Promise<number>;
  private last?: Done;
  /** Moves when a write through the store ends: a read started before cannot be reused. */
  epoch = 0;

  constructor(
    private readonly store: Pick<GraphStore, 'storeVersion'>,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  read(): Promise<number> {
    const last = this.last;
    if (last && last.epoch === this.epoch) {
      const age = this.now() - last.startedAt;
      if (age < this.windowMs) {
        // Read again ahead of the window's end, while this answer still serves.
        if (age >= this.windowMs / 2 && !this.running) this.start().catch(() => {});
        return Promise.resolve(last.value);
      }
    }
    if (!this.running) return this.start();
    // Within the window, a read under way that started recently enough (and after the last write's end) serves too.
    if (this.windowMs > 0 && this.runningEpoch === this.epoch && this.now() - this.runningStartedAt < this.windowMs)
      return this.running;
    // The read under way began before this request asked: wait for the one that starts when it ends.
    this.next ??= this.running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        this.next = undefined;
        return this.start();
      });
    return this.next;
  }

  private start(): Promise<number> {
    const startedAt = this.now();
    const epoch = this.epoch;
    const read = this.store
      .storeVersion()
      .then(
        (value) => {
          if (this.windowMs > 0 && (!this.last || this.last.startedAt <= startedAt))
            this.last = { value, startedAt, epoch };
          return value;
        },
        (err: unknown) => {
          this.last = undefined; // an unreachable store: the next request asks it again (and gets its 503)
          throw err;
        },
      )
      .finally(() => {
        if (this.running === read) this.running = undefined;
      });
    this.running = read;
    this.runningStartedAt = startedAt;
    this.runningEpoch = epoch;
    return read;
  }
}

const readers = new WeakMap<object, VersionReader>();

/** Wraps writing methods (as own properties of the store object) so that their end moves the epoch. */
function watchWrites(store: object, names: readonly string[], reader: VersionReader): void {
  const ended = () => {
    reader.epoch += 1;
  };
  for (const name of names) {
    let method: unknown;
    // The method itself (own, or from the prototype chain), not what a proxy around the store hands out.
    for (let o: object | null = store; o && method === undefined; o = Object.getPrototypeOf(o) as object | null) {
      method = Object.getOwnPropertyDescriptor(o, name)?.value;
    }
    if (typeof method !== 'function') continue;
    const original = method as (...a: unknown[]) => unknown;
    Object.defineProperty(store, name, {
      configurable: true,
      writable: true,
      enumerable: false,
      value: function watched(this: unknown, ...args: unknown[]) {
        let result: unknown;
        try {
          result = original.apply(this, args);
        } catch (err) {
          ended();
          throw err;
        }
        if (!(result instanceof Promise)) {
          ended();
          return result;
        }
        // Moved before the caller's continuation runs: a request after the write's answer never reuses an older read.
        return (result as Promise<unknown>).then(
          (value) => {
            ended();
            return value;
          },
          (err: unknown) => {
            ended();
            throw err;
          },
        );
      },
    });
  }
}

/** The version check of a store (created on first use, with `options` then). */
export function versionCheck(store: GraphStore, options: VersionCheckOptions = {}): { read(): Promise<number> } {
  let reader = readers.get(store);
  if (!reader) {
    const windowMs = options.windowMs ?? VERSION_WINDOW_MS[store.kind] ?? 0;
    reader = new VersionReader(store, windowMs, options.now ?? (() => performance.now()));
    readers.set(store, reader);
    if (windowMs > 0) {
      watchWrites(store, WRITES, reader);
      watchWrites(store.accounts, ACCOUNT_WRITES, reader);
    }
  }
  return reader;
}

/** The store's current version, read once for all the requests asking at the same moment (see above). */
export function currentStoreVersion(store: GraphStore): Promise<number> {
  return versionCheck(store).read();
}
