// The checks of one entity write (create, update, delete), made by core.ts inside the write's transaction: the
// entity's shape (its kind's schema), that the key of an update is not changed, the expected version, that what it
// refers to exists, and the one-NCP rule (model/document-rules.ts). Each refuses with a typed error.
import {
  KIND_SPECS,
  keyOf,
  rawKeyOf,
  refValues,
  type EntityOf,
  type Kind,
  type Problem,
  type Stakeholder,
  type Stored,
} from '../model';
import { ncpProblem } from '../model/document-rules';
import { problemsFromZod } from '../model/problems';
import { ConflictError, ValidationError } from '../errors';
import type { KindCounts, TxOps } from './port';

type Row = Stored<Kind>;

/** Parses an entity with its kind's schema; bad input becomes a ValidationError naming each field. */
export function parseEntity<K extends Kind>(kind: K, input: unknown): EntityOf<K> {
  const result = KIND_SPECS[kind].schema.safeParse(input);
  if (!result.success) {
    const id = rawKeyOf(kind, input);
    const problems = problemsFromZod(result.error, input, { root: '(body)', field: 'first' }).map((p) => ({
      ...p,
      kind,
      ...(id ? { id } : {}),
    }));
    throw new ValidationError(`invalid ${kind}`, problems);
  }
  return result.data as EntityOf<K>;
}

/** A write's expected version against the stored one: Conflict `version_conflict` when it moved. */
export function checkVersion(kind: Kind, key: string, current: Row, expected: number): void {
  if (current.version !== expected) {
    throw new ConflictError(
      `${kind} '${key}' is at version ${current.version}, not ${expected}: it was changed meanwhile`,
      { current },
      'version_conflict',
    );
  }
}

/** Fills the key fields of an update body from the path, and refuses a body that changes them. */
export function withKey(kind: Kind, key: string, input: unknown): unknown {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return input;
  const fields = KIND_SPECS[kind].keyFields;
  const parts = fields.length === 1 ? [key] : key.split('|');
  const body: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  const problems: Problem[] = [];
  fields.forEach((f, i) => {
    if (body[f] === undefined) body[f] = parts[i];
    else if (body[f] !== parts[i])
      problems.push({ path: f, kind, id: key, field: f, message: `cannot be changed (is '${parts[i]}')` });
  });
  if (problems.length) throw new ValidationError(`the key of ${kind} '${key}' cannot be changed`, problems);
  return body;
}

export async function checkReferences(tx: TxOps, kind: Kind, entity: object): Promise<void> {
  const problems: Problem[] = [];
  for (const spec of KIND_SPECS[kind].refs) {
    const values = refValues(entity, spec);
    if (!values.length) continue;
    const found = await tx.getMany(spec.target, values);
    values.forEach((value, i) => {
      if (found.has(value)) return;
      const what = spec.target === 'indicator' ? 'unknown indicator code' : `unknown ${spec.target}`;
      problems.push({
        path: spec.many ? `${spec.field}[${i}]` : spec.field,
        kind,
        id: keyOf(kind, entity),
        field: spec.field,
        message: `${what} '${value}'`,
      });
    });
  }
  if (problems.length) throw new ValidationError(`${kind} refers to items that do not exist`, problems);
}

export async function checkNcp(tx: TxOps, kind: Kind, entity: object): Promise<void> {
  if (kind !== 'stakeholder' || !(entity as Stakeholder).ncp) return;
  const problem = ncpProblem(entity as Stakeholder, await tx.list('stakeholder'));
  if (problem) throw new ValidationError('a country has exactly one NCP', [problem]);
}

/** `2 flows, 1 dataset`. */
export function describeCounts(counts: KindCounts): string {
  return Object.entries(counts)
    .map(([k, n]) => `${n} ${k}${n === 1 ? '' : 's'}`)
    .join(', ');
}
