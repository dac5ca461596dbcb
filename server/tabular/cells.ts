// One cell to one field value, by the column's type: numbers, booleans (true/false, yes/no, 1/0), enum
// values (case and spaces forgiven), dates (Excel dates and serial numbers become YYYY-MM-DD), lists
// separated by `;` (a `;` inside a value written `\;`, a backslash `\\`), and indicators named by code or
// by catalogue name. A value that cannot be converted becomes a message for that cell; everything else is
// left to the schemas.
import type { ColumnSpec } from './columns';
import { CellError, type RawValue } from './raw';
import { closest, didYouMean } from './suggest';

export type Converted = { ok: true; value: unknown } | { ok: false; message: string };

export interface CatalogueIndicator {
  code: string;
  name: string;
}

/** Indicator codes and catalogue names (case-insensitive) to codes, with suggestions for the rest. */
export class IndicatorLookup {
  private readonly byLabel = new Map<string, string>();

  constructor(private readonly indicators: readonly CatalogueIndicator[]) {
    for (const i of indicators) {
      this.byLabel.set(normalise(i.name), i.code);
      this.byLabel.set(normalise(i.code), i.code);
    }
  }

  resolve(text: string): Converted {
    const code = this.byLabel.get(normalise(text));
    if (code) return { ok: true, value: code };
    const near = closest(
      text,
      this.indicators.map((i) => ({ labels: [i.code, i.name], item: i })),
    );
    const hint = near.length
      ? `; closest: ${near.map((i) => `${i.code} (${i.name})`).join(', ')}`
      : '; see the reference sheet for the codes and names';
    const separator = text.includes(',') ? ". Separate several indicators with ';'" : '';
    return { ok: false, message: `unknown indicator '${text}'${hint}${separator}` };
  }
}

const normalise = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

const DAY_MS = 86_400_000;
/** Day 0 of Excel's 1900 date system, as used for serials from 1900-03-01 on (Excel's own convention). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const MAX_SERIAL = 2_958_465; // 9999-12-31

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function serialToDate(serial: number): Converted {
  if (!(serial >= 1 && serial <= MAX_SERIAL))
    return { ok: false, message: `${serial} is not a date: write it as YYYY-MM-DD` };
  return { ok: true, value: isoDate(new Date(EXCEL_EPOCH + Math.floor(serial) * DAY_MS)) };
}

const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);

function asText(raw: string | number | boolean | Date): string {
  return raw instanceof Date ? isoDate(raw) : String(raw);
}

function scalar(col: ColumnSpec, raw: string | number | boolean | Date, indicators: IndicatorLookup): Converted {
  switch (col.value) {
    case 'number': {
      if (typeof raw === 'number') return { ok: true, value: raw };
      const text = asText(raw).trim();
      if (typeof raw === 'string' && /^[+-]?\d+(\.\d+)?$/.test(text)) return { ok: true, value: Number(text) };
      return { ok: false, message: `'${text}' is not a number` };
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      const text = asText(raw).trim().toLowerCase();
      if (TRUE.has(text)) return { ok: true, value: true };
      if (FALSE.has(text)) return { ok: true, value: false };
      return { ok: false, message: `'${asText(raw)}' is not true or false (yes/no and 1/0 also work)` };
    }
    case 'enum': {
      const text = asText(raw).trim();
      const values = col.values ?? [];
      if (values.includes(text)) return { ok: true, value: text };
      const loose = text.toLowerCase().replace(/[\s-]+/g, '_');
      const match = values.find((v) => v.toLowerCase() === loose);
      if (match) return { ok: true, value: match };
      return { ok: false, message: `'${text}' is not one of: ${values.join(', ')}${didYouMean(text, values)}` };
    }
    case 'date': {
      if (raw instanceof Date) return { ok: true, value: isoDate(raw) };
      if (typeof raw === 'number') return serialToDate(raw);
      const text = String(raw).trim();
      if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return { ok: true, value: text };
      if (/^\d+(\.\d+)?$/.test(text)) return serialToDate(Number(text));
      return { ok: false, message: `'${text}' is not a date: write it as YYYY-MM-DD (e.g. 2010-04-12)` };
    }
    case 'string': {
      if (col.indicator) return indicators.resolve(asText(raw));
      const text = asText(raw);
      return { ok: true, value: col.trim ? text.trim() : text };
    }
  }
}

/** Writes a list as one cell: values separated by `; `, each `\` doubled and each `;` written `\;`. */
export function joinListCell(values: readonly unknown[]): string {
  return values.map((v) => String(v).replace(/[\\;]/g, (c) => `\\${c}`)).join('; ');
}

/**
 * Reads a list cell: splits at each `;` not escaped, turns `\;` into `;` and `\\` into `\` (any other
 * backslash is kept as written), trims the values and drops empty ones.
 */
export function splitListCell(text: string): string[] {
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '\\' && (next === ';' || next === '\\')) {
      current += next;
      i++;
    } else if (c === ';') {
      items.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  items.push(current);
  return items.map((s) => s.trim()).filter(Boolean);
}

/** The cell of an optional list that says "recorded: there is none" (an empty cell says "not recorded"). */
export const NONE = 'none';

/**
 * The field value of one cell; `undefined` for an empty cell (the field is left out, so the schema's
 * default applies), except lists with a default or required: there an empty cell is the empty list.
 */
export function convertCell(col: ColumnSpec, raw: RawValue | undefined, indicators: IndicatorLookup): Converted {
  if (raw instanceof CellError) return { ok: false, message: raw.message };
  if (raw === null || raw === undefined) return { ok: true, value: col.list && !col.none ? [] : undefined };
  if (!col.list) return scalar(col, raw, indicators);
  if (col.none && typeof raw === 'string' && raw.trim().toLowerCase() === NONE) return { ok: true, value: [] };
  const items = typeof raw === 'string' ? splitListCell(raw) : [asText(raw)];
  const values: unknown[] = [];
  const messages: string[] = [];
  for (const item of items) {
    const c = scalar(col, item, indicators);
    if (c.ok) values.push(c.value);
    else messages.push(c.message);
  }
  return messages.length ? { ok: false, message: messages.join('; ') } : { ok: true, value: values };
}
