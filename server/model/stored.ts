// What the stores return: an entity plus its optimistic version and who changed it last, and audit entries.
import { z } from 'zod';
import { KINDS, type EntityOf, type Kind } from './kinds';

export const Meta = z.object({
  version: z.number().int().min(1),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type Meta = z.infer<typeof Meta>;
export type Stored<K extends Kind> = EntityOf<K> & Meta;

/** What the audit trail records changes of: every entity kind, mapping rounds (frozen and deleted) and accounts. */
export type AuditKind = Kind | 'round' | 'account';
export const AUDIT_KINDS: readonly AuditKind[] = [...KINDS, 'round', 'account'];

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.enum(['create', 'update', 'delete']),
  kind: z.string(),
  key: z.string(),
  /** The countries the item belongs to, worked out when the entry was written (a flow: both ends' countries). */
  countries: z.array(z.string()),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  /**
   * The store version the change was committed as (map items only; absent on entries older than this
   * field). An export taken at store version S predates exactly the entries with storeVersion <= S.
   */
  storeVersion: z.number().int().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** An entity without its stored metadata. */
export function stripMetaOf<T extends Partial<Meta>>(row: T): Omit<T, keyof Meta> {
  const { version: _v, updatedAt: _a, updatedBy: _b, ...rest } = row;
  return rest;
}
