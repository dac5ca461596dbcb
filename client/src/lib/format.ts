// Small text helpers for showing codes from the model to people.
import { codeLabel } from '@model/labels';

/** A code as people write it, from the model's label tables: `child_protection` -> `Child protection`, `ngo` -> `NGO`. */
export const humanize: (code: string) => string = codeLabel;

/** Shortens a label to `max` characters, ending with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** A value read from the API as text: strings as they are, numbers and booleans written out, anything else as JSON. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === undefined) return '';
  return JSON.stringify(value) ?? '';
}
