// Field-by-field comparison of two versions of an item (audit entries, changed items between rounds),
// and the plain-text form of a field's value for tables.
import { textOf } from './format';

/** Stored metadata: listed after the item's own fields, since every save changes them. */
export const META_FIELDS: readonly string[] = ['version', 'updatedAt', 'updatedBy'];

export interface FieldRow {
  field: string;
  before: unknown;
  after: unknown;
  /** Present on one side only, or different on the two. */
  changed: boolean;
  meta: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Stable text of a value: object keys sorted, so {a,b} and {b,a} compare equal. */
function canonical(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => value[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/**
 * Every field of either version, the item's own fields first (in the order the newer version has
 * them, then fields only the older one had), metadata last; each row says whether it changed.
 * A null or missing version (a creation or a deletion) has no fields: every field of the other changed.
 */
export function fieldRows(before: unknown, after: unknown): FieldRow[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const own = names.filter((f) => !META_FIELDS.includes(f));
  const meta = META_FIELDS.filter((f) => names.includes(f));
  return [...own, ...meta].map((field) => ({
    field,
    before: b[field],
    after: a[field],
    changed: !sameValue(b[field], a[field]),
    meta: META_FIELDS.includes(field),
  }));
}

/** The fields that differ, the item's own first. */
export function changedFields(before: unknown, after: unknown): string[] {
  return fieldRows(before, after)
    .filter((r) => r.changed)
    .map((r) => r.field);
}

/** A value as people read it: lists comma-separated, absent as an em dash, objects as compact JSON. */
export function formatFieldValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(textOf).join(', ');
  return textOf(value);
}
