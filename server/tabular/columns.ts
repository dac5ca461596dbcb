// The template's shape, derived from the map document's zod schemas and KIND_SPECS (never a second list):
// one sheet per document collection, in MapDocument order, and one column per field in schema order
// (nested objects flattened to `contact.email`, arrays in one cell).
import type { z } from 'zod';
import { DOCUMENT_COLLECTIONS, KIND_SPECS, MapDocument, kindByCollection, type Kind } from '../model';

/** What a cell holds once read: the value type of the field (or of each item, for lists). */
export type ValueKind = 'string' | 'number' | 'boolean' | 'enum' | 'date';

export interface ColumnSpec {
  /** The header: the field name, or `parent.child` for a nested field. */
  name: string;
  path: readonly string[];
  /** The top-level field of the item (`contact` for `contact.email`). */
  field: string;
  /** The column must be in the sheet, and every row must fill it. */
  required: boolean;
  /** An array field: one cell, values separated by `;`. */
  list: boolean;
  /**
   * An optional list without a default (disaggregation): an empty cell leaves it out (not recorded), and
   * `none` is the empty list (recorded: there is none). Other lists read an empty cell as the empty list.
   */
  none: boolean;
  value: ValueKind;
  /** The allowed values of an enum (or of each item of an enum list). */
  values?: readonly string[];
  /** Values are indicator codes; a cell may also name an indicator by its catalogue name. */
  indicator: boolean;
  /** Leading and trailing spaces are not part of the value (ids, codes, e-mails); free text keeps them. */
  trim: boolean;
}

export interface SheetSpec {
  kind: Kind;
  /** The sheet's (and CSV file's) name: the map document's collection. */
  collection: string;
  columns: readonly ColumnSpec[];
  /** The columns whose values make up an item's key (a repeated key is a duplicate row). */
  keyColumns: readonly string[];
}

type AnySchema = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };

/** Strips optional and default wrappers; `required` is false when there was one. */
function unwrap(schema: AnySchema): { inner: AnySchema; required: boolean; defaulted: boolean } {
  let inner = schema;
  let required = true;
  let defaulted = false;
  while (
    inner._zod.def.type === 'optional' ||
    inner._zod.def.type === 'default' ||
    inner._zod.def.type === 'nullable'
  ) {
    required = false;
    defaulted ||= inner._zod.def.type === 'default';
    inner = inner._zod.def.innerType as AnySchema;
  }
  return { inner, required, defaulted };
}

// Behaviour, not internals, tells a date from other strings and free text from trimmed values:
// a date field accepts 2000-01-31 and refuses 2000-01-32; free text keeps a leading space as it is.
function isDate(schema: AnySchema): boolean {
  return schema.safeParse('2000-01-31').success && !schema.safeParse('2000-01-32').success;
}

function keepsSpaces(schema: AnySchema): boolean {
  const r = schema.safeParse(' x');
  return r.success && r.data === ' x';
}

function scalar(schema: AnySchema): Pick<ColumnSpec, 'value' | 'values' | 'trim'> {
  switch (schema._zod.def.type) {
    case 'number':
      return { value: 'number', trim: true };
    case 'boolean':
      return { value: 'boolean', trim: true };
    case 'enum':
      return { value: 'enum', values: Object.values(schema._zod.def.entries as Record<string, string>), trim: true };
    case 'string':
      return isDate(schema) ? { value: 'date', trim: true } : { value: 'string', trim: !keepsSpaces(schema) };
    default:
      throw new Error(`tabular columns: no cell form for a zod '${schema._zod.def.type}' field`);
  }
}

function columnsOf(
  kind: Kind,
  shape: Record<string, AnySchema>,
  prefix: readonly string[],
  parentRequired: boolean,
): ColumnSpec[] {
  const indicatorFields = new Set<string>(
    KIND_SPECS[kind].refs.filter((r) => r.target === 'indicator').map((r) => r.field),
  );
  return Object.entries(shape).flatMap(([field, schema]) => {
    const { inner, required, defaulted } = unwrap(schema);
    const path = [...prefix, field];
    const base = { name: path.join('.'), path, field: path[0]!, required: parentRequired && required };
    if (inner._zod.def.type === 'object') {
      return columnsOf(kind, inner._zod.def.shape as Record<string, AnySchema>, path, base.required);
    }
    if (inner._zod.def.type === 'array') {
      const item = unwrap(inner._zod.def.element as AnySchema).inner;
      return [
        {
          ...base,
          list: true,
          none: !required && !defaulted,
          indicator: prefix.length === 0 && indicatorFields.has(field),
          ...scalar(item),
        },
      ];
    }
    return [{ ...base, list: false, none: false, indicator: false, ...scalar(inner) }];
  });
}

// Each sheet's columns come from the map document's item schema: the kind's fields, then `version` (the
// item's version when exported: found by its header like any column, left empty for new rows).
function buildSheets(): SheetSpec[] {
  return DOCUMENT_COLLECTIONS.map((collection) => {
    const kind = kindByCollection(collection);
    if (!kind) throw new Error(`tabular columns: no kind for the collection '${collection}'`);
    const spec = KIND_SPECS[kind];
    const items = unwrap(MapDocument.shape[collection] as unknown as AnySchema).inner;
    const shape = (items._zod.def.element as { shape: Record<string, AnySchema> }).shape;
    return { kind, collection, columns: columnsOf(kind, shape, [], true), keyColumns: [...spec.keyFields] };
  });
}

/** The column holding an item's version when exported (optional; a missing column is not worth a warning). */
export const VERSION_COLUMN = 'version';
/** The sheet (XLSX) or file (`meta.csv` in a ZIP) holding the store version an export was taken at. */
export const META_SHEET = 'meta';

/** Every sheet of the template, in the map document's order. */
export const SHEETS: readonly SheetSpec[] = buildSheets();

/** The sheet for a sheet, file or collection name: exact, or ignoring case, `-`, `_` and spaces (`reporting-lines`). */
export function sheetByName(name: string): SheetSpec | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/[-_ ]/g, '');
  return SHEETS.find((s) => s.collection === name) ?? SHEETS.find((s) => norm(s.collection) === norm(name));
}

/** Spreadsheet column letters: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
