// The form engine, without React: an entity to form values (strings, lists, booleans) and back,
// validation with the kind's shared zod schema (KIND_SPECS[kind].schema) turned into one message per
// field, the server's 400 problems mapped onto the same fields, and the field-by-field comparison
// shown when someone else saved the item meanwhile.
import type { z } from 'zod';
import { KIND_SPECS } from '@model/kinds';
import { humanize, textOf } from '../../lib/format';
import type { ApiProblem } from '../../lib/apiFetch';
import type { FieldSpec } from './fields';
import type { EditKind } from './kinds';

export type FieldValue = string | string[] | boolean;
export type FormValues = Record<string, FieldValue>;
/** One message per field name; fields without a problem are absent. */
export type FieldErrors = Record<string, string>;

const LIST_WIDGETS = new Set(['multi', 'indicators', 'refs']);

function getPath(entity: Readonly<Record<string, unknown>> | undefined, name: string): unknown {
  let value: unknown = entity;
  for (const part of name.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function setPath(target: Record<string, unknown>, name: string, value: unknown): void {
  const parts = name.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (next === null || typeof next !== 'object') node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}

/** The value of an empty field of this widget. */
export function emptyValue(field: FieldSpec): FieldValue {
  if (field.widget === 'checkbox') return false;
  if (LIST_WIDGETS.has(field.widget)) return [];
  return '';
}

/** An entity (or a partial one: presets of a new item) as form values; missing fields are empty. */
export function toFormValues(fields: readonly FieldSpec[], entity?: Readonly<Record<string, unknown>>): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const raw = getPath(entity, field.name);
    let value: FieldValue = emptyValue(field);
    if (raw !== undefined && raw !== null) {
      if (field.widget === 'checkbox') value = raw === true;
      else if (field.widget === 'tristate') value = raw === true ? 'true' : raw === false ? 'false' : '';
      else if (LIST_WIDGETS.has(field.widget)) value = Array.isArray(raw) ? raw.map(textOf) : [textOf(raw)];
      else if (field.widget === 'list') value = Array.isArray(raw) ? raw.map(textOf).join(', ') : textOf(raw);
      else value = textOf(raw);
    }
    values[field.name] = value;
  }
  return values;
}

/**
 * Form values as the entity to send: empty optional fields are left out (the server applies the
 * schema's defaults), numbers parsed, tags split. A value that cannot be converted (letters in a
 * number field) is reported in `errors` and left out of the entity.
 */
export function fromFormValues(
  kind: EditKind,
  fields: readonly FieldSpec[],
  values: Readonly<FormValues>,
): { entity: Record<string, unknown>; errors: FieldErrors } {
  const schema = KIND_SPECS[kind].schema as z.ZodType;
  const entity: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  for (const field of fields) {
    const value = values[field.name] ?? emptyValue(field);
    switch (field.widget) {
      case 'checkbox':
        setPath(entity, field.name, value === true);
        break;
      case 'tristate':
        if (value === 'true' || value === 'false') setPath(entity, field.name, value === 'true');
        break;
      case 'multi':
      case 'indicators':
      case 'refs': {
        const list = Array.isArray(value) ? value : [];
        // An optional list left empty stays out; lists the schema needs go as they are ([]).
        if (list.length || !isOptionalIn(schema, field)) setPath(entity, field.name, [...list]);
        break;
      }
      case 'list': {
        const words = String(value)
          .split(',')
          .map((w) => w.trim())
          .filter(Boolean);
        if (words.length) setPath(entity, field.name, words);
        break;
      }
      case 'number': {
        const text = String(value).trim();
        if (!text) break;
        const n = Number(text);
        if (Number.isFinite(n)) setPath(entity, field.name, n);
        else errors[field.name] = 'must be a number';
        break;
      }
      default: {
        const text = typeof value === 'string' ? value.trim() : '';
        if (text) setPath(entity, field.name, text);
      }
    }
  }
  return { entity, errors };
}

/** Whether a field may be left out, according to a schema (an optional field, or one with a default). */
function isOptionalIn(schema: z.ZodType, field: FieldSpec): boolean {
  let node: unknown = schema;
  for (const part of field.name.split('.')) {
    const shape = (node as { shape?: Record<string, z.ZodType> }).shape;
    const child = shape?.[part];
    if (!child) return true;
    if (child.isOptional()) return true;
    node = child;
  }
  return false;
}

/** The fields a person must fill: those the kind's schema requires, and those the form requires. */
export function requiredFields(kind: EditKind, fields: readonly FieldSpec[]): Set<string> {
  const schema = KIND_SPECS[kind].schema as z.ZodType;
  const required = new Set<string>();
  for (const field of fields) {
    if (field.widget !== 'checkbox' && (!isOptionalIn(schema, field) || field.required)) required.add(field.name);
  }
  return required;
}

function fieldNameOf(fields: readonly FieldSpec[], path: readonly PropertyKey[]): string | undefined {
  const parts = path.filter((p): p is string => typeof p === 'string');
  for (let n = parts.length; n > 0; n--) {
    const name = parts.slice(0, n).join('.');
    if (fields.some((f) => f.name === name)) return name;
  }
  return undefined;
}

/** zod's own wording ("Too small: expected number to be >=1900") said as the model says things ("must be ..."). */
export function plainMessage(issue: z.core.$ZodIssue, value: unknown): string {
  if (value === undefined || value === '') return 'is required';
  const i = issue as z.core.$ZodIssue & {
    origin?: string;
    minimum?: number | bigint;
    maximum?: number | bigint;
    expected?: string;
  };
  if (!/^(Invalid|Too)/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_value':
      return 'choose one of the options';
    case 'invalid_type':
      if (i.expected === 'int') return 'must be a whole number';
      if (i.expected === 'number') return 'must be a number';
      return `must be a ${i.expected ?? 'valid value'}`;
    case 'too_small':
      if (i.origin === 'number') return `must be ${String(i.minimum)} or more`;
      if (i.origin === 'array') return `choose at least ${String(i.minimum)}`;
      return `must be at least ${String(i.minimum)} characters`;
    case 'too_big':
      if (i.origin === 'number') return `must be ${String(i.maximum)} or less`;
      if (i.origin === 'array') return `choose at most ${String(i.maximum)}`;
      return `must be at most ${String(i.maximum)} characters`;
    default:
      return issue.message;
  }
}

export interface Validation {
  /** The entity to send, when the values are valid. */
  entity?: Record<string, unknown>;
  /** One message per field. */
  errors: FieldErrors;
  /** Problems that belong to no field of the form. */
  other: string[];
}

/** Validates form values with the kind's shared schema and the form's own rules. */
export function validateForm(kind: EditKind, fields: readonly FieldSpec[], values: Readonly<FormValues>): Validation {
  const { entity, errors } = fromFormValues(kind, fields, values);
  const other: string[] = [];
  const result = (KIND_SPECS[kind].schema as z.ZodType).safeParse(entity);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const name = fieldNameOf(fields, issue.path);
      if (!name) {
        other.push(issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message);
        continue;
      }
      if (errors[name]) continue;
      errors[name] = plainMessage(issue, getPath(entity, name));
    }
  }
  for (const field of fields) {
    const value = values[field.name];
    const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
    if (field.required && empty && !errors[field.name]) errors[field.name] = field.required;
  }
  const ok = Object.keys(errors).length === 0 && other.length === 0;
  return ok ? { entity, errors, other } : { errors, other };
}

/** The message of one field (validation on blur): the others are not shown yet. */
export function validateField(
  kind: EditKind,
  fields: readonly FieldSpec[],
  values: Readonly<FormValues>,
  name: string,
): string | undefined {
  return validateForm(kind, fields, values).errors[name];
}

/** The server's 400 problems on the form's fields (by path, then by field); the rest as general messages. */
export function errorsFromProblems(
  fields: readonly FieldSpec[],
  problems: readonly ApiProblem[],
): { errors: FieldErrors; other: string[] } {
  const errors: FieldErrors = {};
  const other: string[] = [];
  for (const p of problems) {
    const path = (p.path ?? '')
      .replace(/\[\d+\]/g, '')
      .split('.')
      .filter(Boolean);
    const name = fieldNameOf(fields, path) ?? (p.field ? fieldNameOf(fields, p.field.split('.')) : undefined);
    if (!name) {
      other.push([p.path && p.path !== '(body)' ? p.path : '', p.message].filter(Boolean).join(': '));
      continue;
    }
    errors[name] = errors[name] ? `${errors[name]}; ${p.message}` : p.message;
  }
  return { errors, other };
}

/** Resolves a referenced item's id to what people call it. */
export type NameOf = (target: NonNullable<FieldSpec['target']> | 'indicator', id: string) => string;

/** A form value as words, for the conflict view. */
export function displayValue(field: FieldSpec, value: FieldValue | undefined, nameOf?: NameOf): string {
  if (value === undefined) return '';
  if (field.widget === 'checkbox') return value === true ? 'Yes' : 'No';
  if (field.widget === 'tristate') return value === 'true' ? 'Yes' : value === 'false' ? 'No' : '';
  if (Array.isArray(value)) {
    const target = field.widget === 'indicators' ? 'indicator' : field.target;
    return value
      .map((v) => (target && nameOf ? nameOf(target, v) : field.widget === 'multi' ? humanize(v) : v))
      .join(', ');
  }
  const text = String(value);
  if (!text) return '';
  if (field.widget === 'ref' && field.target && nameOf) return nameOf(field.target, text);
  if (field.widget === 'select') return humanize(text);
  return text;
}

function sameValue(field: FieldSpec, a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = [...(Array.isArray(a) ? a : [])].sort();
    const y = [...(Array.isArray(b) ? b : [])].sort();
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  if (field.widget === 'list') {
    const words = (v: FieldValue | undefined) =>
      String(v ?? '')
        .split(',')
        .map((w) => w.trim())
        .filter(Boolean)
        .join(',');
    return words(a) === words(b);
  }
  if (typeof a === 'string' || typeof b === 'string') return String(a ?? '').trim() === String(b ?? '').trim();
  return a === b;
}

export interface ConflictRow {
  name: string;
  label: string;
  mine: string;
  theirs: string;
  differs: boolean;
}

/** Field by field: what this person typed against what was saved meanwhile (`current`, the stored item). */
export function conflictRows(
  fields: readonly FieldSpec[],
  mine: Readonly<FormValues>,
  current: Readonly<Record<string, unknown>>,
  nameOf?: NameOf,
): ConflictRow[] {
  const theirs = toFormValues(fields, current);
  return fields.map((field) => ({
    name: field.name,
    label: field.label,
    mine: displayValue(field, mine[field.name], nameOf),
    theirs: displayValue(field, theirs[field.name], nameOf),
    differs: !sameValue(field, mine[field.name], theirs[field.name]),
  }));
}

/** The defaults the kind's schema gives its fields (level national, status active, confidence reported ...). */
export function schemaDefaults(kind: EditKind): Record<string, unknown> {
  const shape = (KIND_SPECS[kind].schema as unknown as { shape: Record<string, z.ZodType> }).shape;
  const defaults: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(shape)) {
    const parsed = field.safeParse(undefined);
    if (parsed.success && parsed.data !== undefined) defaults[name] = parsed.data;
  }
  return defaults;
}
