// Whole-store reads on Neo4j (entity-lists.ts): cypher/store/entities.<kind>.cypher returns each item as a list of
// values (a relationship's two end ids first, then the properties named in $fields, in the kind's schema order),
// which the driver decodes at a fraction of the cost of a map per item, and which becomes an entity here without
// a pass over map entries: a stakeholder's contact properties (contactEmail, ...) are gathered into `contact`,
// absent (null) values are left out, metadata and derived properties (sector) are not read at all.
// Several kinds are read at once (listEntitiesMany): every query is sent at the start, so that Neo4j works on the
// next while the app decodes the one before (one transaction, one connection); stakeholders and their outgoing
// relationships (flows, reporting lines, memberships: ~85% of a region's items) come from one query,
// entities.stakeholderRelationships.cypher, a record per stakeholder instead of one per item. Each record becomes
// entities as it arrives (the driver's records are not kept until the query ends), and short strings are shared
// (interned) within a read: a region repeats the same codes, enum values and ids tens of thousands of times, and
// one copy of each, instead of one per item, is what the garbage collector then has to keep and move.
// Over 350 lines on purpose: the read plans, the interner and the record decoding are shared by the three reads
// (listEntities, listEntitiesMany, readCountryMap), described once above; split, each read would lose its context.
import type { ManagedTransaction } from 'neo4j-driver';
import { KIND_SPECS, type Kind } from '../../model';
import { toNeo4j, type Executor } from './executor';

type Column = { key: string; at: number } | { key: string; contact: ReadonlyArray<readonly [string, number]> };
interface ReadPlan {
  /** The property names the query reads, after the ends of a relationship. */
  fields: string[];
  columns: Column[];
}

const plans = new Map<string, ReadPlan>();
/** Stored metadata, read after an item's fields where the read is of stored items (countryMap). */
const META_FIELDS = ['version', 'updatedAt', 'updatedBy'] as const;

/**
 * The read plan of a kind: `ends` are a relationship's end fields (read as the ends' ids), `contact` the
 * stakeholder's flattened contact properties (field -> property); `withMeta`: the stored metadata after the fields.
 */
export function readPlanOf(
  kind: Kind,
  ends: readonly string[] | undefined,
  contact: Readonly<Record<string, string>>,
  withMeta = false,
): ReadPlan {
  const name = withMeta ? `${kind}|meta` : kind;
  let plan = plans.get(name);
  if (plan) return plan;
  const keys = Object.keys((KIND_SPECS[kind].schema as unknown as { shape: Record<string, unknown> }).shape);
  const fields: string[] = [];
  const offset = ends?.length ?? 0;
  const columns = keys.map((key): Column => {
    const end = ends?.indexOf(key) ?? -1;
    if (end >= 0) return { key, at: end };
    if (kind === 'stakeholder' && key === 'contact') {
      return {
        key,
        contact: Object.entries(contact).map(([field, prop]) => [field, offset + fields.push(prop) - 1] as const),
      };
    }
    return { key, at: offset + fields.push(key) - 1 };
  });
  if (withMeta) for (const key of META_FIELDS) columns.push({ key, at: offset + fields.push(key) - 1 });
  plan = { fields, columns };
  plans.set(name, plan);
  return plan;
}

/** Strings no longer than this are shared within a read (codes, enum values, ids); longer ones (names, notes) are not. */
const INTERNED_LENGTH = 40;

/** One copy of each short string (and of each short string in a list, changed in place) for the items of one read. */
class Interner {
  private readonly strings = new Map<string, string>();

  value(v: unknown): unknown {
    if (typeof v === 'string') return this.string(v);
    if (Array.isArray(v))
      for (let i = 0; i < v.length; i++) if (typeof v[i] === 'string') v[i] = this.string(v[i] as string);
    return v;
  }

  private string(v: string): string {
    if (v.length > INTERNED_LENGTH) return v;
    const known = this.strings.get(v);
    if (known !== undefined) return known;
    this.strings.set(v, v);
    return v;
  }
}

/**
 * The entity of a row: the value of the plan's position i is `row[i + offset]`, but with `head`, position 0 is
 * `head` (a relationship read from its first end, stakeholderRelationships: then offset -1).
 */
function entityOf(
  columns: readonly Column[],
  row: readonly unknown[],
  strings: Interner,
  offset = 0,
  head?: unknown,
): object {
  const entity: Record<string, unknown> = {};
  for (const column of columns) {
    if ('at' in column) {
      const value = head !== undefined && column.at === 0 ? head : row[column.at + offset];
      if (value !== null && value !== undefined) entity[column.key] = strings.value(value);
      continue;
    }
    let contact: Record<string, unknown> | undefined;
    for (const [field, at] of column.contact) {
      const value = row[at + offset];
      if (value !== null && value !== undefined) (contact ??= {})[field] = value;
    }
    if (contact) entity[column.key] = contact;
  }
  return entity;
}

/** Runs a named query in `tx` and hands each record's `row` to `onRow` as it arrives; resolves when all have. */
function streamRows<T>(
  ex: Executor,
  tx: ManagedTransaction,
  name: string,
  params: Record<string, unknown>,
  onRow: (row: T) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed = false;
    tx.run(ex.query(name), toNeo4j(params)).subscribe({
      onNext: (record) => {
        if (failed) return;
        try {
          onRow(record.get('row') as T);
        } catch (err) {
          failed = true;
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      },
      onCompleted: () => resolve(),
      onError: (err) => reject(err),
    });
  });
}

/** Every item of `kind` as stored, without metadata, in no particular order. */
export async function listEntities(
  ex: Executor,
  tx: ManagedTransaction,
  kind: Kind,
  ends: readonly string[] | undefined,
  contact: Readonly<Record<string, string>>,
  strings = new Interner(),
): Promise<object[]> {
  const { fields, columns } = readPlanOf(kind, ends, contact);
  const items: object[] = [];
  await streamRows<unknown[]>(ex, tx, `entities.${kind}`, { fields }, (row) =>
    items.push(entityOf(columns, row, strings)),
  );
  return items;
}

/** The relationship kinds entities.stakeholderRelationships reads with each stakeholder, in the order of its columns. */
const AROUND_STAKEHOLDER = ['flow', 'reportingLine', 'membership'] as const;

/** Stakeholders and their outgoing flows, reporting lines and memberships, from one query (a record per stakeholder). */
async function listAroundStakeholders(
  ex: Executor,
  tx: ManagedTransaction,
  ends: Partial<Record<Kind, readonly string[]>>,
  contact: Readonly<Record<string, string>>,
  strings: Interner,
): Promise<Record<'stakeholder' | (typeof AROUND_STAKEHOLDER)[number], object[]>> {
  const stakeholder = readPlanOf('stakeholder', undefined, contact);
  const relationships = AROUND_STAKEHOLDER.map((kind) => readPlanOf(kind, ends[kind], contact));
  const id = stakeholder.fields.indexOf('id');
  const out = {
    stakeholder: [] as object[],
    flow: [] as object[],
    reportingLine: [] as object[],
    membership: [] as object[],
  };
  const params = {
    stakeholder: stakeholder.fields,
    flow: relationships[0]!.fields,
    reportingLine: relationships[1]!.fields,
    membership: relationships[2]!.fields,
  };
  await streamRows<[own: unknown[], flows: unknown[][], reportingLines: unknown[][], memberships: unknown[][]]>(
    ex,
    tx,
    'entities.stakeholderRelationships',
    params,
    (row) => {
      const own = row[0];
      out.stakeholder.push(entityOf(stakeholder.columns, own, strings));
      const head = strings.value(own[id]);
      for (let k = 0; k < AROUND_STAKEHOLDER.length; k++) {
        const list = out[AROUND_STAKEHOLDER[k]!];
        const { columns } = relationships[k]!;
        for (const item of row[k + 1] as unknown[][]) list.push(entityOf(columns, item, strings, -1, head));
      }
    },
  );
  return out;
}

/**
 * Every item of each of `kinds` (as listEntities reads it), each kind's promise settling when its items are read.
 * All the queries are sent at once, in this transaction.
 */
export function listEntitiesMany(
  ex: Executor,
  tx: ManagedTransaction,
  kinds: readonly Kind[],
  ends: Partial<Record<Kind, readonly string[]>>,
  contact: Readonly<Record<string, string>>,
): Map<Kind, Promise<object[]>> {
  const lists = new Map<Kind, Promise<object[]>>();
  const wanted = new Set(kinds);
  const strings = new Interner();
  if (wanted.has('stakeholder') && AROUND_STAKEHOLDER.every((kind) => wanted.has(kind))) {
    const around = listAroundStakeholders(ex, tx, ends, contact, strings);
    for (const kind of ['stakeholder', ...AROUND_STAKEHOLDER] as const)
      lists.set(
        kind,
        around.then((all) => all[kind]),
      );
  }
  for (const kind of wanted)
    if (!lists.has(kind)) lists.set(kind, listEntities(ex, tx, kind, ends[kind], contact, strings));
  return lists;
}

/** The kinds of a country's map (port.ts MAP_KINDS). */
const MAP_KINDS = [
  'country',
  'stakeholder',
  'flow',
  'dataset',
  'reportingLine',
  'network',
  'membership',
  'interview',
] as const;
type MapLists = Record<(typeof MAP_KINDS)[number], object[]>;
/** The kinds read on their own by cypher/store/map.<kind>.cypher; the others come from map.around. */
const MAP_OWN_READS = ['country', 'network', 'membership'] as const;
/** map.around's tags of an item, by kind. */
const AROUND_TAGS = { flow: 1, reportingLine: 2, dataset: 3, interview: 4 } as const;

const byId = (a: object, b: object): number => {
  const x = (a as { id: string }).id;
  const y = (b as { id: string }).id;
  return x < y ? -1 : x > y ? 1 : 0; // UTF-16 code units, as Neo4j's ORDER BY (ids are ASCII)
};

/**
 * The country's stakeholders, by id, and what lies around them, from map.around (a record per stakeholder, one walk
 * of its relationships): its foreign ends (of flows), flows, reporting lines, datasets and interviews, each kind
 * sorted by id as the per-kind queries returned them.
 */
async function readAroundCountry(
  ex: Executor,
  tx: ManagedTransaction,
  country: string,
  ends: Partial<Record<Kind, readonly string[]>>,
  contact: Readonly<Record<string, string>>,
  strings: Interner,
): Promise<Pick<MapLists, 'stakeholder' | 'flow' | 'reportingLine' | 'dataset' | 'interview'>> {
  const stakeholder = readPlanOf('stakeholder', undefined, contact, true);
  const flow = readPlanOf('flow', ends.flow, contact, true);
  const reportingLine = readPlanOf('reportingLine', ends.reportingLine, contact, true);
  const dataset = readPlanOf('dataset', undefined, contact, true);
  const interview = readPlanOf('interview', undefined, contact, true);
  const id = stakeholder.fields.indexOf('id');
  const out = {
    stakeholder: [] as object[],
    flow: [] as object[],
    reportingLine: [] as object[],
    dataset: [] as object[],
    interview: [] as object[],
  };
  const foreign = new Map<unknown, object>();
  const params = {
    country,
    stakeholder: stakeholder.fields,
    flow: flow.fields,
    reportingLine: reportingLine.fields,
    dataset: dataset.fields,
    interview: interview.fields,
  };
  await streamRows<[own: unknown[], items: unknown[][]]>(ex, tx, 'map.around', params, (row) => {
    const own = row[0];
    out.stakeholder.push(entityOf(stakeholder.columns, own, strings));
    const self = strings.value(own[id]);
    for (const item of row[1]) {
      switch (item[0]) {
        case AROUND_TAGS.flow: {
          // [1, out, other, the other's properties if foreign, ...fields]: from and to written over positions 2 and 3
          const other = strings.value(item[2]);
          const props = item[3] as unknown[] | null;
          if (props && !foreign.has(other)) foreign.set(other, entityOf(stakeholder.columns, props, strings));
          item[2] = item[1] ? self : other;
          item[3] = item[1] ? other : self;
          out.flow.push(entityOf(flow.columns, item, strings, 2));
          break;
        }
        case AROUND_TAGS.reportingLine: {
          // [2, out, other, ...fields]: from and to written over positions 1 and 2
          const other = strings.value(item[2]);
          item[2] = item[1] ? other : self;
          item[1] = item[1] ? self : other;
          out.reportingLine.push(entityOf(reportingLine.columns, item, strings, 1));
          break;
        }
        case AROUND_TAGS.dataset:
          out.dataset.push(entityOf(dataset.columns, item, strings, 1));
          break;
        default:
          out.interview.push(entityOf(interview.columns, item, strings, 1));
      }
    }
  });
  // The country's own stakeholders came by id; a foreign end is of another country, so never one of them.
  if (foreign.size) out.stakeholder.push(...foreign.values());
  for (const list of Object.values(out)) list.sort(byId);
  return out;
}

/**
 * The map of one country (the adapter's countryMap): each kind's items as stored, metadata included, in the order
 * of the per-kind map queries (by id; memberships by stakeholder and network); every query sent at once. An item has
 * its schema's fields in schema order, then version, updatedAt and updatedBy (as the embedded store gives them);
 * absent (null) properties are left out. The stakeholders and the items around them come from map.around, the
 * country, its networks and memberships from map.<kind>.
 */
export async function readCountryMap(
  ex: Executor,
  tx: ManagedTransaction,
  country: string,
  ends: Partial<Record<Kind, readonly string[]>>,
  contact: Readonly<Record<string, string>>,
): Promise<MapLists> {
  const strings = new Interner();
  const around = readAroundCountry(ex, tx, country, ends, contact, strings);
  const own = await Promise.all(
    MAP_OWN_READS.map(async (kind) => {
      const { fields, columns } = readPlanOf(kind, ends[kind], contact, true);
      const items: object[] = [];
      await streamRows<unknown[]>(ex, tx, `map.${kind}`, { country, fields }, (row) =>
        items.push(entityOf(columns, row, strings)),
      );
      return items;
    }),
  );
  const lists = {
    ...(await around),
    ...Object.fromEntries(MAP_OWN_READS.map((kind, i) => [kind, own[i]!])),
  } as MapLists;
  return Object.fromEntries(MAP_KINDS.map((kind) => [kind, lists[kind]])) as MapLists;
}
