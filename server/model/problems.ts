// A failed zod parse as the Problems an error answer lists: the one conversion every layer uses.
import type { z } from 'zod';
import { problemsFromIssue, type Problem } from './document';

export interface ZodProblemOptions {
  /** The path of a problem with the input as a whole (default `(document)`). */
  root?: string;
  /**
   * How a problem names its field: `item` (default) keeps a map document's item field (`flows[3].basis` ->
   * `basis`) and otherwise takes the first segment of the path; `first` always takes the first segment (one
   * entity, an account: `tags[2]` -> `tags`); the input is then no document, so no problem names an item's kind
   * or id (the caller adds its own).
   */
  field?: 'item' | 'first';
  /** Put before every path (`query` -> `query.country`; the root becomes `query`). */
  prefix?: string;
}

export function problemsFromZod(error: z.ZodError, input: unknown, options: ZodProblemOptions = {}): Problem[] {
  const root = options.root ?? '(document)';
  return error.issues.flatMap((issue) => problemsFromIssue(issue, input)).map((p) => {
    const whole = p.path === '(document)';
    const first = whole ? undefined : p.path.split(/[.[]/)[0];
    const field = options.field === 'first' ? first : (p.field ?? first);
    const path = options.prefix ? (whole ? options.prefix : `${options.prefix}.${p.path}`) : (whole ? root : p.path);
    const { path: _path, field: _field, kind, id, ...rest } = p;
    const item = options.field === 'first' ? {} : { ...(kind ? { kind } : {}), ...(id !== undefined ? { id } : {}) };
    return { path, ...rest, ...item, ...(field ? { field } : {}) };
  });
}
