// Big imports on Neo4j (Staging in port.ts): the items an import creates are written in batches of their own
// transactions under Staged<Label> labels that no read query matches, then made visible by one publishing
// transaction (publishStaged). What each step costs Neo4j decides the import's time, so:
// - audit entries are staged as AuditEntry nodes with their final sequence numbers (reserved before each batch,
//   stage.reserve, and listed in the run node's auditRanges) and the store version the import commits as; the audit
//   read queries leave out entries whose number lies in a range of a run node, so publishing them is removing the run
//   node: nothing written on the entries, their indexes filled while staging (relabelling a region's 87,000 entries
//   took about a third of the publishing transaction, its commit more). When another write took numbers or a version
//   in between, they are numbered again (publish.auditRenumbered);
// - items are sent as lists (a relationship's ends' ids, then the properties at positions their query names) and
//   created with their properties in the CREATE pattern: no map keys to encode and decode per item, no Eager;
// - the import is noted alive (stage.touch) before its first batch and then at most every TOUCH_EVERY_MS;
// - the staging and publishing queries (meta.* and audit.reserve too) start with CYPHER replan=skip: planned once,
//   they are not planned again when the statistics their plan was made with change, as an import changes them (on a
//   just-started Neo4j, 12 plans were discarded and made again during a region's import, 5 of them inside the
//   publishing transaction). Their plans are index seeks whatever the counts (or a scan of a Staged label, which
//   holds only what imports staged), so a plan made on an empty store stays right;
// - a batch of audit entries, stakeholders or relationships is written by two transactions at once (Neo4j runs a
//   transaction on one core): relationships split so that no node is an end in both (creating a relationship locks
//   both ends, so two transactions sharing ends would wait on, or deadlock with, each other), those that would join
//   the two halves written after them. Datasets are not split: each links to the few indicator nodes all share.
// Over 350 lines on purpose: the layouts, the batch splitting and the publishing transaction are one protocol (the
// Staged labels, the reserved numbers and versions, the touch) that has to be read together to be changed safely.
import type { ManagedTransaction } from 'neo4j-driver';
import { KIND_SPECS, type Kind, type Stored } from '../../model';
import type { StagedAuditEntry, Staging } from '../port';
import { toNeo4j, type Executor } from './executor';

type Props = Record<string, unknown>;

/** Items per staging transaction of a big import, sent in one UNWIND (one round trip). */
export const STAGE_BATCH = 10_000;
/** An item batch notes its import alive when it was last noted longer ago than this (the clean-up's default is 60 s). */
const TOUCH_EVERY_MS = 5_000;
/** The kinds an import stages (created items only): nodes under Staged<Label>, relationships between staged nodes. */
const STAGED_KINDS: ReadonlySet<Kind> = new Set<Kind>([
  'country',
  'stakeholder',
  'network',
  'interview',
  'dataset',
  'flow',
  'reportingLine',
  'membership',
]);
/** Node kinds whose batches are written by two transactions at once (their staging query locks no other node). */
const SPLIT_NODE_KINDS: ReadonlySet<Kind> = new Set<Kind>(['stakeholder']);
/** A batch smaller than this is written by one transaction. */
const MIN_SPLIT = 2_000;
/**
 * Neo4j's tracked memory of the publishing transaction per item and audit entry it publishes, rounded up (measured:
 * a region's 108,000 peak at 293 MiB, relabelling only), and the share of the transaction memory limit one import may
 * take (the rest left to the transactions running meanwhile): an import past it is refused before anything is staged.
 */
const PUBLISH_BYTES_PER_ITEM = 3 * 1024;
const PUBLISH_SHARE = 0.75;
/** Publish order: a node kind's label before the kinds that refer to it. */
const PUBLISHED_NODE_KINDS = ['country', 'stakeholder', 'network', 'interview', 'dataset'] as const;
const META_FIELDS = ['version', 'updatedAt', 'updatedBy'];

export interface StagingDeps {
  /** A relationship kind's two end fields (absent for node kinds). */
  ends: Partial<Record<Kind, readonly [string, string]>>;
  /** An entity as Neo4j properties (adapter.ts). */
  toProps: (kind: Kind, row: Stored<Kind>) => Props;
  /** A stakeholder's contact fields and the properties they are stored as (adapter.ts). */
  contact: Readonly<Record<string, string>>;
}

/** Where a staged kind's query takes each value of a row: a relationship's ends, then its properties. */
interface Layout {
  ends?: readonly [string, string];
  columns: ReadonlyArray<readonly [string, number]>;
  width: number;
}

/**
 * The layout of a kind's staging query: the property positions named in its CREATE pattern (`name: row[i]` between the
 * first `{` after CREATE and its `}`; a relationship's ends are row[0] and row[1]). Throws unless the properties are
 * exactly those of the kind's items (toProps: a stakeholder's contact flattened, its sector added), so that a field
 * added to the model and not to the query stops the adapter at start-up instead of being dropped.
 */
export function stagedLayout(kind: Kind, text: string, deps: Pick<StagingDeps, 'ends' | 'contact'>): Layout {
  const start = text.indexOf('{', text.search(/\bCREATE\b/));
  const pattern = text.slice(start, text.indexOf('}', start));
  const columns = [...pattern.matchAll(/(\w+): row\[(\d+)\]/g)].map(([, name, at]) => [name!, Number(at)] as const);
  const ends = deps.ends[kind];
  const fields = Object.keys((KIND_SPECS[kind].schema as unknown as { shape: Record<string, unknown> }).shape)
    .filter((f) => !ends?.includes(f))
    .flatMap((f) => (kind === 'stakeholder' && f === 'contact' ? Object.values(deps.contact) : [f]))
    .concat(kind === 'stakeholder' ? ['sector'] : [], META_FIELDS)
    .sort();
  const named = columns.map(([name]) => name).sort();
  if (JSON.stringify(named) !== JSON.stringify(fields)) {
    throw new Error(
      `cypher/store/stage.${kind}.cypher names the properties ${named.join(', ')}; the ${kind} fields are ${fields.join(', ')}`,
    );
  }
  const width = Math.max(ends ? 2 : 0, ...columns.map(([, at]) => at + 1));
  return { ...(ends ? { ends } : {}), columns, width };
}

/** Rows as lists: a relationship's ends' ids, then each property at its query's position (null where absent). */
function listRows(
  kind: Kind,
  rows: ReadonlyArray<Stored<Kind>>,
  toProps: StagingDeps['toProps'],
  layout: Layout,
): unknown[][] {
  const { ends, columns, width } = layout;
  const known = new Set([...(ends ?? []), ...columns.map(([name]) => name)]);
  return rows.map((row) => {
    const props = toProps(kind, row);
    const list: unknown[] = new Array(width).fill(null);
    if (ends) {
      list[0] = props[ends[0]];
      list[1] = props[ends[1]];
    }
    for (const [name, at] of columns) list[at] = props[name] ?? null;
    for (const key in props)
      if (!known.has(key))
        throw new Error(`staging ${kind}: the property '${key}' has no position in stage.${kind}.cypher`);
    return list;
  });
}

/**
 * Relationship rows (ends at positions 0 and 1) in two parts whose rows share no end, and the rows that would join
 * them (written after both). Ends are grouped as the rows join them, in order, except that a row joining two groups
 * each of at least a twentieth of the rows goes to the rest instead; the groups are then dealt to the two parts,
 * largest first, each to the part with fewer rows. One part is empty when no split is even enough to pay.
 */
export function splitByEnds(rows: readonly unknown[][]): { parts: [unknown[][], unknown[][]]; rest: unknown[][] } {
  const parent = new Map<unknown, unknown>();
  const size = new Map<unknown, number>(); // rows of each group (at its root)
  const find = (x: unknown): unknown => {
    let root = x;
    for (let p = parent.get(root); p !== undefined && p !== root; p = parent.get(root)) root = p;
    for (let y = x, p = parent.get(y); p !== undefined && p !== root; y = p, p = parent.get(y)) parent.set(y, root);
    return root;
  };
  const big = Math.max(1, Math.floor(rows.length / 20));
  const joined: boolean[] = [];
  for (const row of rows) {
    for (const end of [row[0], row[1]])
      if (!parent.has(end)) {
        parent.set(end, end);
        size.set(end, 0);
      }
    const a = find(row[0]);
    const b = find(row[1]);
    const sa = size.get(a)!;
    const sb = size.get(b)!;
    if (a !== b && sa >= big && sb >= big) {
      joined.push(false);
      continue;
    }
    if (a !== b) {
      parent.set(b, a);
      size.set(a, sa + sb + 1);
      size.delete(b);
    } else size.set(a, sa + 1);
    joined.push(true);
  }
  const bins: [unknown[][], unknown[][]] = [[], []];
  const binOf = new Map<unknown, 0 | 1>();
  const load: [number, number] = [0, 0];
  for (const [root, n] of [...size].sort((x, y) => y[1] - x[1])) {
    const bin = load[0] <= load[1] ? 0 : 1;
    binOf.set(root, bin);
    load[bin] += n;
  }
  const rest: unknown[][] = [];
  rows.forEach((row, i) => {
    if (!joined[i]) rest.push(row);
    else bins[binOf.get(find(row[0]))!].push(row);
  });
  // Not worth a second transaction: the smaller part under a quarter of the rows.
  if (Math.min(bins[0].length, bins[1].length) < rows.length / 4)
    return { parts: [[...bins[0], ...bins[1], ...rest], []], rest: [] };
  return { parts: bins, rest };
}

/** Writes the parts at once, each by `write`; rejects with a failure once every part has settled (none still writing). */
async function atOnce<T>(parts: readonly T[], write: (part: T) => Promise<void>): Promise<void> {
  const outcomes = await Promise.allSettled(parts.map(write));
  for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;
}

/** Two halves of a list. */
function halves<T>(items: readonly T[]): [T[], T[]] {
  return [items.slice(0, items.length >> 1), items.slice(items.length >> 1)];
}

function slices<T>(items: readonly T[], size = STAGE_BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The staging and publishing queries with parameters of the types real calls give, in the order an import uses them:
 * planned under EXPLAIN (prepareStaging) while the app plans the import, instead of one after the other on the way.
 * They all start with CYPHER replan=skip (see the header), as does meta.lock, which opens the publishing transaction.
 * The launcher's warm-up (scripts/neo4j, WarmUp.explainStaging) runs these very EXPLAINs, parameters alike, so that on
 * `npm run neo4j` they find their plans cached: change both together.
 */
export const PREPARED: ReadonlyArray<readonly [string, Record<string, unknown>]> = [
  ['stage.touch', { import: '', now: 0 }],
  ['stage.reserve', { import: '', count: 1, ord: 0, now: 0 }],
  ['stage.audit', { entries: [[0, '', '', '', '', '', [''], null, '']], storeVersion: 0 }],
  ...[...STAGED_KINDS].map((kind) => [`stage.${kind}`, { import: '', rows: [['', '']] }] as const),
  ...PUBLISHED_NODE_KINDS.map((kind) => [`publish.${kind}`, { import: '' }] as const),
  ['stage.ranges', { import: '' }],
  ['audit.reserve', { count: 0 }],
  ['meta.version', {}],
  ['publish.audit', { first: 0, last: 0 }],
  ['publish.run', { import: '' }],
  ['meta.bump', {}],
];

/**
 * Plans the queries of a staged import (Neo4j plans a query the first time it sees it: tens to hundreds of ms each on
 * a cold server, most of them inside the publishing transaction otherwise). Run in the background from init; resolves
 * when done or at the first failure (never rejects).
 */
export async function prepareStaging(ex: Executor): Promise<void> {
  for (const [name, params] of PREPARED) {
    try {
      await ex.write(async (tx) => {
        await tx.run(`EXPLAIN ${ex.query(name)}`, toNeo4j(params));
      });
    } catch {
      return; // unreachable or closing: each query is planned when first run instead
    }
  }
}

/** A size as Neo4j prints a setting ('716.80MiB', '2g', '0B'), in bytes; undefined when unreadable. */
export function parseBytes(text: string): number | undefined {
  const m = /^\s*([\d.]+)\s*([kmgt]?)(i?b)?\s*$/i.exec(text);
  if (!m) return undefined;
  const power = ['', 'k', 'm', 'g', 't'].indexOf(m[2]!.toLowerCase());
  return Number(m[1]) * 1024 ** power;
}

/**
 * How many items and audit entries one staged import may publish under Neo4j's transaction memory limits (the lower of
 * the total and the per-transaction one that are set), or undefined when neither is set or they cannot be read (a user
 * without the right to list settings): core.ts's default applies then.
 */
export async function publishLimit(ex: Executor): Promise<number | undefined> {
  try {
    const rows = await ex.read((tx) => ex.run<[string, string]>(tx, 'stage.limits'));
    const limits = rows
      .map(([, value]) => parseBytes(value))
      .filter((bytes): bytes is number => bytes !== undefined && bytes > 0);
    if (!limits.length) return undefined;
    return Math.floor((Math.min(...limits) * PUBLISH_SHARE) / PUBLISH_BYTES_PER_ITEM);
  } catch {
    return undefined;
  }
}

/** Staging on Neo4j; `readLimits` (at start-up) sets maxPublished from the database's memory settings. */
export interface Neo4jStaging extends Staging {
  readLimits(): Promise<void>;
}

export function stagingOps(ex: Executor, deps: StagingDeps): Neo4jStaging {
  const layouts = new Map<Kind, Layout>(
    [...STAGED_KINDS].map((kind) => [kind, stagedLayout(kind, ex.query(`stage.${kind}`), deps)]),
  );
  /** When this process last noted each import alive (epoch ms). */
  const touched = new Map<string, number>();
  const touch = async (importId: string, now = Date.now()) => {
    for (const [id, at] of touched) if (now - at > 3_600_000) touched.delete(id); // imports long ended
    touched.set(importId, now);
    await ex.write((tx) => ex.run(tx, 'stage.touch', { import: importId, now }));
  };
  const discard = async (importId: string) => {
    touched.delete(importId);
    await ex.autoCommit(ex.query('stage.discard'), { import: importId });
    await ex.write((tx) => ex.run(tx, 'stage.release', { import: importId }));
  };
  let maxPublished: number | undefined;
  return {
    batchSize: STAGE_BATCH,
    get maxPublished() {
      return maxPublished;
    },
    async readLimits() {
      maxPublished = await publishLimit(ex);
    },
    async stage(importId: string, kind: Kind, rows: ReadonlyArray<Stored<Kind>>) {
      if (!STAGED_KINDS.has(kind)) throw new Error(`${kind} items are not staged`);
      const layout = layouts.get(kind)!;
      const params = listRows(kind, rows, deps.toProps, layout);
      // In a transaction of its own, committed before the batch it announces: the run node exists whenever staged items do.
      const now = Date.now();
      if (now - (touched.get(importId) ?? 0) >= TOUCH_EVERY_MS) await touch(importId, now);
      const write = (part: readonly unknown[]) =>
        part.length === 0
          ? Promise.resolve()
          : ex.write(async (tx) => {
              for (const batch of slices(part)) {
                const [written] = await ex.run<number>(tx, `stage.${kind}`, { import: importId, rows: batch });
                if (layout.ends && written !== batch.length) {
                  throw new Error(
                    `staging ${kind}: ${batch.length - (written ?? 0)} of ${batch.length} have an end that this import did not stage`,
                  );
                }
              }
            });
      if (params.length < MIN_SPLIT || !(layout.ends || SPLIT_NODE_KINDS.has(kind))) return write(params);
      const { parts, rest } = layout.ends ? splitByEnds(params) : { parts: halves(params), rest: [] };
      // Both settled before a failure is reported: nothing of this batch is written after the import discards what it staged.
      await atOnce(parts, write);
      await write(rest);
    },
    async stageAudit(importId: string, entries: readonly StagedAuditEntry[]) {
      if (!entries.length) return;
      let minOrd = Infinity;
      let maxOrd = -Infinity;
      for (const e of entries) {
        minOrd = Math.min(minOrd, e.ord);
        maxOrd = Math.max(maxOrd, e.ord);
      }
      // Its own transaction, before the batch: notes the import alive and reserves the batch's numbers (seq = first + ord - minOrd).
      const now = Date.now();
      touched.set(importId, now);
      const [reserved] = await ex.write((tx) =>
        ex.run<[number, number]>(tx, 'stage.reserve', {
          import: importId,
          count: maxOrd - minOrd + 1,
          ord: minOrd,
          now,
        }),
      );
      const [first, storeVersion] = reserved!;
      // Lists, not maps (stage.audit.cypher names the positions): no field name is sent, nor unpacked, per entry.
      const rows = entries.map((e) => [
        first + e.ord - minOrd,
        e.at,
        e.actor,
        e.action,
        e.kind,
        e.key,
        e.countries,
        e.before === null ? null : JSON.stringify(e.before),
        e.after === null ? null : JSON.stringify(e.after),
      ]);
      // New nodes only, which no other transaction locks: in two transactions at once when the batch is big enough.
      await atOnce(rows.length < MIN_SPLIT ? [rows] : halves(rows), (part) =>
        ex.write(async (tx) => {
          for (const batch of slices(part)) await ex.run(tx, 'stage.audit', { entries: batch, storeVersion });
        }),
      );
    },
    discard,
    async discardStale(staleMs: number) {
      const ids = await ex.read((tx) => ex.run<string>(tx, 'stage.stale', { before: Date.now() - staleMs }));
      for (const id of ids) await discard(id);
      return ids.length;
    },
  };
}

/**
 * Makes what an import staged visible, in the publishing transaction (after the map's write lock): its nodes relabelled
 * kind by kind, its audit entries counted (numbered again and stamped with `committedAs` only when another write came
 * in between), its run node removed (which makes its audit entries visible). How many items of each node kind and
 * audit entries it published.
 */
export async function publishStaged(
  ex: Executor,
  tx: ManagedTransaction,
  importId: string,
  committedAs: () => Promise<number>,
): Promise<Record<string, number>> {
  const published: Record<string, number> = {};
  for (const kind of PUBLISHED_NODE_KINDS) {
    const [n] = await ex.run<number>(tx, `publish.${kind}`, { import: importId });
    published[kind] = n ?? 0;
  }
  const [flat] = await ex.run<number[]>(tx, 'stage.ranges', { import: importId });
  const ranges: Array<[first: number, last: number, ord: number, storeVersion: number]> = [];
  for (let i = 0; i + 3 < (flat?.length ?? 0); i += 4)
    ranges.push([flat![i]!, flat![i + 1]!, flat![i + 2]!, flat![i + 3]!]);
  if (ranges.length) {
    // Takes the audit sequence's lock (a reservation of none) until this transaction commits: no number can be taken meanwhile.
    const [counter] = await ex.run<number>(tx, 'audit.reserve', { count: 0 });
    const version = await committedAs();
    const low = Math.min(...ranges.map((r) => r[0]));
    const high = Math.max(...ranges.map((r) => r[1]));
    const reservedCount = ranges.reduce((n, r) => n + r[1] - r[0] + 1, 0);
    const offset = ranges[0]![0] - ranges[0]![2];
    // Final already: no other number was taken from the first of the import's to now, in the entries' order, same version.
    const final =
      counter === high &&
      reservedCount === high - low + 1 &&
      ranges.every((r) => r[0] - r[2] === offset && r[3] === version);
    if (final) {
      const [n] = await ex.run<number>(tx, 'publish.audit', { first: low, last: high });
      published.audit = n ?? 0;
    } else {
      const minOrd = Math.min(...ranges.map((r) => r[2]));
      const maxOrd = Math.max(...ranges.map((r) => r[2] + r[1] - r[0]));
      const count = maxOrd - minOrd + 1;
      const [last] = await ex.run<number>(tx, 'audit.reserve', { count });
      const [n] = await ex.run<number>(tx, 'publish.auditRenumbered', {
        ranges,
        first: (last ?? count) - count + 1,
        minOrd,
        storeVersion: version,
      });
      published.audit = n ?? 0;
    }
  } else {
    published.audit = 0;
  }
  await ex.run(tx, 'publish.run', { import: importId });
  return published;
}
