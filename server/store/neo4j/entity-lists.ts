// Whole-store reads on Neo4j (entity-lists.ts): cypher/store/entities.<kind>.cypher returns each item as a list of
// values (a relationship's two end ids first, then the properties named in $fields, in the kind's schema order),
// which the driver decodes at a fraction of the cost of a map per item, and which becomes an entity here without
// a pass over map entries: a stakeholder's contact properties (contactEmail, ...) are gathered into `contact`,
// absent (null) values are left out, metadata and derived properties (sector) are not read at all.
import type { ManagedTransaction } from 'neo4j-driver';
import { KIND_SPECS, type Kind } from '../../model';
import type { Executor } from './executor';

type Column = { key: string; at: number } | { key: string; contact: ReadonlyArray<readonly [string, number]> };
interface ReadPlan {
  /** The property names the query reads, after the ends of a relationship. */
  fields: string[];
  columns: Column[];
}

const plans = new Map<Kind, ReadPlan>();

/**
 * The read plan of a kind: `ends` are a relationship's end fields (read as the ends' ids), `contact` the
 * stakeholder's flattened contact properties (field -> property).
 */
export function readPlanOf(kind: Kind, ends: readonly string[] | undefined, contact: Readonly<Record<string, string>>): ReadPlan {
  let plan = plans.get(kind);
  if (plan) return plan;
  const keys = Object.keys((KIND_SPECS[kind].schema as unknown as { shape: Record<string, unknown> }).shape);
  const fields: string[] = [];
  const offset = ends?.length ?? 0;
  const columns = keys.map((key): Column => {
    const end = ends?.indexOf(key) ?? -1;
    if (end >= 0) return { key, at: end };
    if (kind === 'stakeholder' && key === 'contact') {
      return { key, contact: Object.entries(contact).map(([field, prop]) => [field, offset + fields.push(prop) - 1] as const) };
    }
    return { key, at: offset + fields.push(key) - 1 };
  });
  plan = { fields, columns };
  plans.set(kind, plan);
  return plan;
}

function entityOf(columns: readonly Column[], row: readonly unknown[]): object {
  const entity: Record<string, unknown> = {};
  for (const column of columns) {
    if ('at' in column) {
      const value = row[column.at];
      if (value !== null && value !== undefined) entity[column.key] = value;
      continue;
    }
    let contact: Record<string, unknown> | undefined;
    for (const [field, at] of column.contact) {
      const value = row[at];
      if (value !== null && value !== undefined) (contact ??= {})[field] = value;
    }
    if (contact) entity[column.key] = contact;
  }
  return entity;
}

/** Every item of `kind` as stored, without metadata, in no particular order. */
export async function listEntities(
  ex: Executor, tx: ManagedTransaction, kind: Kind, ends: readonly string[] | undefined, contact: Readonly<Record<string, string>>,
): Promise<object[]> {
  const { fields, columns } = readPlanOf(kind, ends, contact);
  const rows = await ex.run<unknown[]>(tx, `entities.${kind}`, { fields });
  return rows.map((row) => entityOf(columns, row));
}
