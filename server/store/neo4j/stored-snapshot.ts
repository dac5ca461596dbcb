// A whole-store snapshot kept in Neo4j (issue 11 point 5): the whole-store read (every item of every kind, what
// the analyses' snapshot and an export without versions take) is costly on Neo4j at region scale, mostly in the app
// decoding ~87k records. So once read, it is kept in the database itself, as one (:FlowAtlasSnapshot) node holding
// the store version it was read at and every kind's items as gzipped JSON (base64), where every app instance on the same
// Neo4j finds it. A cold read then takes that one value and, when the store has moved on since, applies the audit
// trail's changes: the items named by the changes in between are read again by key (what is gone is removed), so the
// lists are the store's at the current version. When the trail cannot tell (more than CHANGES_LIMIT changes, as
// after a big import; a version without an entry) or no snapshot is kept, the items are read whole, as before, and
// kept in the background for the next cold read.
// Correct by construction: a snapshot is labelled with the version it was read at only when that version did not
// move during the read (read-committed: no map write committed in between, as the core's consistent reads check),
// a kept snapshot is only ever replaced by one of a later version, and it is taken only while the last audit entry
// of its version is the one it was kept with (a store cleared, then filled again up to the same version, is another
// history; a snapshot written while it was being cleared is not taken). `format` names the lists' shape (kinds and
// each kind's read fields): a snapshot of another format is ignored and replaced.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzipSync, gzip } from 'node:zlib';
import type { ManagedTransaction } from 'neo4j-driver';
import { KINDS, keyOf, type Kind } from '../../model';
import { compareKeys } from '../../model/document-rules';
import { CHANGES_LIMIT, type StoreChange } from '../port';
import type { Executor } from './executor';

const gzipAsync = promisify(gzip);

/** Every kind's items as listEntities gives them (fields in any order; the core puts them in canonical form). */
export type KindLists = Map<Kind, object[]>;

/** What the stored snapshot needs of the adapter's transaction operations. */
export interface SnapshotSource {
  /** The whole store read kind by kind (listEntitiesMany of the adapter). */
  readAll(): Map<Kind, Promise<object[]>>;
  version(): Promise<number>;
  getMany(kind: Kind, keys: readonly string[]): Promise<Map<string, object>>;
  changesBetween(after: number, upTo: number, limit: number): Promise<StoreChange[]>;
}

const META_KEYS = ['version', 'updatedAt', 'updatedBy'] as const;

/** Bumped whenever what a snapshot holds changes meaning. */
const FORMAT_VERSION = 1;

/** The format of a snapshot written by this code: its version and the read fields of every kind. */
export function snapshotFormat(fieldsOf: (kind: Kind) => readonly string[]): string {
  const shape = JSON.stringify(KINDS.map((kind) => [kind, fieldsOf(kind)]));
  return `${FORMAT_VERSION}:${createHash('sha256').update(shape).digest('hex').slice(0, 16)}`;
}

interface Kept {
  /** The store's version as the read of the snapshot saw it, and its mark (its last audit entry: seq@time). */
  current: number;
  mark: string;
  /** The kept snapshot's version and lists (undefined: none kept, of another format, or of another history). */
  storeVersion?: number;
  data?: string;
}

async function readKept(ex: Executor, tx: ManagedTransaction, format: string, withData: boolean): Promise<Kept> {
  const [row] = await ex.run<[number, string, number | null, string | null]>(tx, 'snapshot.get', {
    format,
    withData,
  });
  const [current, mark, storeVersion, data] = row ?? [0, '', null, null];
  return { current, mark, ...(storeVersion === null ? {} : { storeVersion }), ...(data ? { data } : {}) };
}

/** The lists of a kept snapshot; undefined when it cannot be read (then the store is read whole). */
function decode(data: string): KindLists | undefined {
  try {
    // ASCII (every other character escaped when kept): read as Latin-1, a plain copy, not a UTF-8 decoding.
    const parsed = JSON.parse(gunzipSync(Buffer.from(data, 'base64')).toString('latin1')) as Record<string, object[]>;
    return new Map(KINDS.map((kind) => [kind, parsed[kind] ?? []]));
  } catch {
    return undefined;
  }
}

/** An item read by key (with its stored metadata) as the whole-store read gives it: without metadata. */
function withoutMeta(row: object): object {
  const item = { ...(row as Record<string, unknown>) };
  for (const key of META_KEYS) delete item[key];
  return item;
}

/**
 * The lists of `kept` brought to version `to` with the audit trail's changes after `from`: every item a change names
 * is read again by key, or removed when it is no more. Undefined when the trail cannot tell what changed.
 */
async function applyChanges(source: SnapshotSource, lists: KindLists, from: number, to: number) {
  const changes = await source.changesBetween(from, to, CHANGES_LIMIT + 1);
  if (changes.length > CHANGES_LIMIT) return undefined;
  // Every version in between must have its entries (one without was written before entries carried versions).
  if (new Set(changes.map((c) => c.storeVersion)).size !== to - from) return undefined;
  const named = new Map<Kind, Set<string>>();
  for (const c of changes) {
    if (!lists.has(c.kind as Kind)) continue; // rounds, accounts: not map items
    const keys = named.get(c.kind as Kind) ?? new Set<string>();
    named.set(c.kind as Kind, keys.add(c.key));
  }
  for (const [kind, keys] of named) {
    const found = await source.getMany(kind, [...keys]);
    const kept = lists.get(kind)!.filter((item) => !keys.has(keyOf(kind, item)));
    for (const row of found.values()) kept.push(withoutMeta(row));
    lists.set(kind, kept);
  }
  return lists;
}

/** A JSON string's character as its \\u escape (JSON.parse gives the same string back). */
function escaped(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

function sortedByKey(kind: Kind, items: readonly object[]): object[] {
  const keyed = items.map((item) => [keyOf(kind, item), item] as const);
  keyed.sort((a, b) => compareKeys(a[0], b[0]));
  return keyed.map(([, item]) => item);
}

export class StoredSnapshots {
  /** The last write of a snapshot from this instance (tests wait for it). */
  saving: Promise<void> = Promise.resolve();
  /** Where this instance's last whole-store read came from: the kept snapshot, with the changes since, or the store. */
  lastSource?: 'kept' | 'kept+changes' | 'whole';

  constructor(
    private readonly ex: Executor,
    private readonly format: string,
  ) {}

  /**
   * Every kind's items at the store's version as `tx` sees it: the kept snapshot with the changes since, else the
   * whole read (then kept, in the background, when the version did not move meanwhile).
   */
  async lists(tx: ManagedTransaction, source: SnapshotSource): Promise<KindLists> {
    const kept = await readKept(this.ex, tx, this.format, true);
    if (kept.data && kept.storeVersion !== undefined && kept.storeVersion <= kept.current) {
      const decoded = decode(kept.data);
      const lists =
        !decoded || kept.storeVersion === kept.current
          ? decoded
          : await applyChanges(source, decoded, kept.storeVersion, kept.current);
      if (lists && (await source.version()) === kept.current) {
        this.lastSource = kept.storeVersion < kept.current ? 'kept+changes' : 'kept';
        if (kept.storeVersion < kept.current) this.keep(kept.current, kept.mark, lists);
        return lists;
      }
    }
    const pending = source.readAll();
    const lists: KindLists = new Map();
    for (const kind of KINDS) lists.set(kind, (await pending.get(kind)) ?? []);
    if ((await source.version()) === kept.current) this.keep(kept.current, kept.mark, lists);
    this.lastSource = 'whole';
    return lists;
  }

  /** Whether the kept snapshot is of the store's current version (and of this format). */
  async isCurrent(tx: ManagedTransaction): Promise<boolean> {
    const kept = await readKept(this.ex, tx, this.format, false);
    return kept.storeVersion === kept.current;
  }

  /** Keeps `lists` as the snapshot of `storeVersion`, in the background, unless a later one is kept already. */
  private keep(storeVersion: number, mark: string, lists: KindLists): void {
    // Serialized now, before the items are handed on (whoever takes them may change them, later); each kind sorted by
    // key, as the core sorts it (then it has nothing to sort when reading it), and in ASCII (decode reads Latin-1).
    const sorted = [...lists].map(([kind, items]) => [kind, sortedByKey(kind, items)] as const);
    const json = JSON.stringify(Object.fromEntries(sorted)).replace(/[\u0080-\uffff]/g, escaped);
    const write = async () => {
      const zipped = await gzipAsync(json, { level: 1 });
      // Base64 text, not a byte array: the driver decodes a string at once, bytes one at a time (30 ms against 900).
      const data = zipped.toString('base64');
      await this.ex.write((tx) => this.ex.run(tx, 'snapshot.put', { storeVersion, mark, format: this.format, data }));
    };
    this.saving = this.saving.then(write).catch(() => {}); // one at a time; a failure only costs the next cold read
  }
}
