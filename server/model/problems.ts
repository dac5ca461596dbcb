// A failed zod parse as the Problems an error answer lists: the one conversion every layer uses.
import type { z } from 'zod';
import type { Problem } from './document';
import { DOCUMENT_KINDS, KIND_SPECS, rawKeyOf } from './kinds';

export interface ZodProblemOptions {
  /** The path of a problem with the input as a whole (default `(document)`). */
  root?: string;
  /**
   * How a problem names its field: `item` (default) keeps a map document's item field (`flows[3].basis` ->
   * `basis`) and otherwise takes the first segment of the path; `issue` names only the field the issue names
   * (a map document's item field or collection: a problem with a whole item, `flows[3]`, names none); `first`
   * always takes the first segment (one entity, an account: `tags[2]` -> `tags`); the input is then no
   * document, so no problem names an item's kind or id (the caller adds its own).
   */
  field?: 'item' | 'issue' | 'first';
  /** Put before every path (`query` -> `query.country`; the root becomes `query`). */
  prefix?: string;
}

export function problemsFromZod(error: z.ZodError, input: unknown, options: ZodProblemOptions = {}): Problem[] {
  const root = options.root ?? '(document)';
  return error.issues
    .flatMap((issue) => problemsFromIssue(issue, input))
    .map((p) => {
      const whole = p.path === '(document)';
      const first = whole ? undefined : p.path.split(/[.[]/)[0];
      const field = options.field === 'first' ? first : options.field === 'issue' ? p.field : (p.field ?? first);
      const path = options.prefix ? (whole ? options.prefix : `${options.prefix}.${p.path}`) : whole ? root : p.path;
      const { path: _path, field: _field, kind, id, ...rest } = p;
      const item = options.field === 'first' ? {} : { ...(kind ? { kind } : {}), ...(id !== undefined ? { id } : {}) };
      return { path, ...rest, ...item, ...(field ? { field } : {}) };
    });
}

/** Converts a zod issue into Problems (one per unknown field), naming the item by its id where it has one. */
function problemsFromIssue(issue: z.core.$ZodIssue, input: unknown): Problem[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => toProblem([...issue.path, key], 'unknown field', input));
  }
  return [toProblem(issue.path, issue.message, input)];
}

function toProblem(path: readonly PropertyKey[], message: string, input: unknown): Problem {
  const problem: Problem = { path: formatPath(path) || '(document)', message };
  const [collection, index, field] = path;
  if (typeof collection === 'string' && typeof index === 'number') {
    const kind = DOCUMENT_KINDS.find((k) => KIND_SPECS[k].collection === collection);
    const item = (input as Record<string, unknown[]> | null)?.[collection]?.[index];
    if (kind) {
      problem.kind = kind;
      const key = rawKeyOf(kind, item);
      if (key !== undefined) problem.id = key;
    }
    if (field !== undefined) problem.field = String(field);
  } else if (typeof collection === 'string') {
    problem.field = collection;
  }
  return problem;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
    '',
  );
}
