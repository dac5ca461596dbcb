// An entity's canonical form (schema field order, defaults applied, the schema's own rewrites such as trimming
// applied) without running its whole zod schema: what the stores hold was validated when it was written, so a
// read only has to put it in canonical form. Each kind's plan is compiled once from its schema: a field that is
// a boolean, an enum, a number or a plain string is taken as it is, a string's `overwrite` checks (trim) are
// applied, absent fields with a default get it, a nested strict object gets a plan of its own, and any other
// field (a URL, an e-mail) is parsed by its own schema. An item the plan cannot handle (an unknown key, a required field missing) is parsed
// by the kind's whole schema, which fails on it as it always did. Stored metadata (version, updatedAt,
// updatedBy) is left out. The result is what `KIND_SPECS[kind].schema.parse(stripMeta(row))` gives, key order
// included (tests/unit/store/canonical.test.ts compares them); when nothing needs changing, the row itself.
import type { z } from 'zod';
import { KIND_SPECS, type AnyEntity, type Kind } from './kinds';

type Value = unknown;
/** How a present value becomes canonical: as it is, through rewrites, or parsed by its schema. */
type Convert = { kind: 'same' } | { kind: 'rewrite'; fn: (v: Value) => Value };
interface FieldPlan {
  key: string;
  convert: Convert;
  /** Undefined: a required field; otherwise the field may be absent (then `fallback` gives its default, if any). */
  absent?: { fallback?: () => Value };
}

const META_KEYS: ReadonlySet<string> = new Set(['version', 'updatedAt', 'updatedBy']);
/** String checks that only accept or refuse a value, never rewrite it. */
const VALIDATING_CHECKS: ReadonlySet<string> = new Set([
  'custom',
  'min_length',
  'max_length',
  'length_equals',
  'greater_than',
  'less_than',
  'multiple_of',
  'number_format',
]);

interface ZodInternals {
  _zod: { def: Record<string, unknown> & { type: string; checks?: ZodInternals[]; check?: string; format?: string } };
  parse(v: unknown): unknown;
}

function checksOf(schema: ZodInternals): ZodInternals[] {
  return schema._zod.def.checks ?? [];
}

/** The rewrites (`overwrite` checks) of a string or number schema, or undefined when one of its checks may rewrite otherwise. */
function rewritesOf(schema: ZodInternals): Array<(v: Value) => Value> | undefined {
  const def = schema._zod.def;
  if (def.format !== undefined || def.coerce) return undefined; // e.g. z.url() rewrites in its format check
  const rewrites: Array<(v: Value) => Value> = [];
  for (const check of checksOf(schema)) {
    const c = check._zod.def as { check?: string; format?: string; tx?: (v: Value) => Value };
    if (c.check === 'overwrite' && typeof c.tx === 'function') rewrites.push(c.tx);
    else if (c.check === 'string_format' && c.format === 'regex') continue;
    else if (!VALIDATING_CHECKS.has(c.check ?? '')) return undefined;
  }
  return rewrites;
}

function parsedBy(schema: ZodInternals): Convert {
  return { kind: 'rewrite', fn: (v) => schema.parse(v) };
}

/** How a present value of `schema` becomes canonical. */
function convertOf(schema: ZodInternals): Convert {
  const def = schema._zod.def;
  switch (def.type) {
    case 'boolean':
    case 'enum':
    case 'literal':
      return checksOf(schema).length ? parsedBy(schema) : { kind: 'same' };
    case 'string':
    case 'number': {
      const rewrites = rewritesOf(schema);
      if (!rewrites) return parsedBy(schema);
      if (!rewrites.length) return { kind: 'same' };
      return { kind: 'rewrite', fn: (v) => rewrites.reduce((value, rewrite) => rewrite(value), v) };
    }
    case 'array': {
      if (checksOf(schema).some((c) => !VALIDATING_CHECKS.has(c._zod.def.check ?? ''))) return parsedBy(schema);
      const element = convertOf(def.element as ZodInternals);
      if (element.kind === 'same') return element;
      const fn = element.fn;
      return {
        kind: 'rewrite',
        fn: (v) => {
          if (!Array.isArray(v)) return schema.parse(v);
          const items = v.map(fn);
          return items.every((item, i) => item === v[i]) ? (v as unknown[]) : items;
        },
      };
    }
    case 'object': {
      const plan = planOf(schema);
      if (!plan) return parsedBy(schema);
      return { kind: 'rewrite', fn: (v) => (isPlainObject(v) && byPlan(plan, v, false)) || schema.parse(v) };
    }
    default:
      return parsedBy(schema);
  }
}

function isPlainObject(v: Value): v is Record<string, Value> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function planOf(schema: z.ZodType | ZodInternals): FieldPlan[] | undefined {
  const def = (schema as unknown as ZodInternals)._zod.def;
  if (def.type !== 'object' || def.catchall === undefined) return undefined; // strict objects only (catchall: never)
  const shape = def.shape as Record<string, ZodInternals>;
  return Object.entries(shape).map(([key, field]) => {
    const fdef = field._zod.def;
    if (fdef.type === 'optional') return { key, convert: convertOf(fdef.innerType as ZodInternals), absent: {} };
    if (fdef.type === 'default') {
      // zod's default: a fresh copy of the default value for an absent field, the inner schema for a present one.
      const fallback = () => (fdef as unknown as { defaultValue: Value }).defaultValue;
      return { key, convert: convertOf(fdef.innerType as ZodInternals), absent: { fallback } };
    }
    return { key, convert: convertOf(field) };
  });
}

const plans = new Map<Kind, FieldPlan[] | undefined>();

function planFor(kind: Kind): FieldPlan[] | undefined {
  if (!plans.has(kind)) plans.set(kind, planOf(KIND_SPECS[kind].schema));
  return plans.get(kind);
}

/**
 * Whether `row` is canonical already: its keys are fields of the plan in the plan's order, none of them undefined,
 * every value stays as it is, and no field it lacks is required or has a default. Allocates nothing (the common
 * case of a store's read: the row is its own canonical form); when false, `byPlan` works it out in full.
 */
function isCanonical(plan: readonly FieldPlan[], row: Record<string, Value>): boolean {
  let i = 0;
  for (const key in row) {
    while (i < plan.length && plan[i]!.key !== key) {
      const skipped = plan[i]!;
      if (!skipped.absent || skipped.absent.fallback) return false;
      i++;
    }
    if (i === plan.length) return false; // an unknown key, metadata or a key out of order
    const v = row[key];
    if (v === undefined) return false;
    const c = plan[i]!.convert;
    if (c.kind !== 'same' && c.fn(v) !== v) return false;
    i++;
  }
  for (; i < plan.length; i++) if (!plan[i]!.absent || plan[i]!.absent!.fallback) return false;
  return true;
}

/** The canonical form by the kind's plan; undefined when only the whole schema can say (it then also refuses the item). */
function byPlan(
  plan: readonly FieldPlan[],
  row: Record<string, Value>,
  dropMeta: boolean,
): Record<string, Value> | undefined {
  // Unknown keys: the strict schema refuses them (an item's stored metadata is dropped).
  let known = 0;
  let meta = false;
  for (const key in row) {
    if (dropMeta && META_KEYS.has(key)) {
      meta = true;
      continue;
    }
    known++;
  }
  const out: Record<string, Value> = {};
  let same = !meta;
  let seen = 0;
  const keys = same ? Object.keys(row) : undefined;
  for (const field of plan) {
    const v = row[field.key];
    if (v === undefined) {
      if (!field.absent) return undefined;
      if (field.absent.fallback) {
        out[field.key] = field.absent.fallback();
        same = false;
      }
      continue;
    }
    const c = field.convert;
    const value = c.kind === 'same' ? v : c.fn(v);
    if (value !== v || (keys && keys[seen] !== field.key)) same = false;
    out[field.key] = value;
    seen++;
  }
  if (seen !== known) return undefined;
  return same ? row : out;
}

/**
 * `KIND_SPECS[kind].schema.parse(stripMeta(row))` for a row that a store holds (validated when written): the
 * row itself when it is canonical already, else a canonical copy. Throws as the schema does on an invalid row.
 */
export function canonicalOf(kind: Kind, row: object): AnyEntity {
  const plan = planFor(kind);
  if (plan && isCanonical(plan, row as Record<string, Value>)) return row as AnyEntity;
  const fast = plan && byPlan(plan, row as Record<string, Value>, true);
  if (fast) return fast as AnyEntity;
  const { version: _v, updatedAt: _a, updatedBy: _b, ...entity } = row as Record<string, Value>;
  return KIND_SPECS[kind].schema.parse(entity);
}
