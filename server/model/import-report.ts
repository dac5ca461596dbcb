// What an import reports about stale items (DOMAIN.md: an export carries each item's version and the store
// version it was taken at): the field conflicts of items changed both in the file and in the store since,
// and the items a replace kept because they were created or changed after the file was exported.
import { z } from 'zod';

/** What an import does with a field changed both in the file and in the store: keep the store's value, or take the file's. */
export const OnConflict = z.enum(['keep', 'overwrite']);
export type OnConflict = z.infer<typeof OnConflict>;

export const ImportConflict = z.object({
  kind: z.string(),
  key: z.string(),
  field: z.string(),
  /** The value in the file and the value now in the store (null when the field is absent). */
  file: z.unknown(),
  current: z.unknown(),
  /** Who last changed the field in the store, and when (from the audit trail; the item's last change when the base is unknown). */
  changedBy: z.string().optional(),
  changedAt: z.string().optional(),
  /** `unknown`: the item as it was at the file's version is not in the audit trail, so every field that differs is a conflict. */
  base: z.enum(['known', 'unknown']),
  /** The file's version of the item and the store's. */
  fileVersion: z.number().int(),
  storeVersion: z.number().int(),
  resolution: z.enum(['kept', 'overwritten']),
});
export type ImportConflict = z.infer<typeof ImportConflict>;

export const ConflictCount = z.object({
  total: z.number().int(),
  kept: z.number().int(),
  overwritten: z.number().int(),
});
export type ConflictCount = z.infer<typeof ConflictCount>;

/** An item a replace did not delete although the file lacks it: created or changed after the file's store version. */
export const KeptItem = z.object({
  kind: z.string(),
  key: z.string(),
  /** `referenced`: a kept item refers to it. */
  reason: z.enum(['created', 'changed', 'referenced']),
  changedBy: z.string().optional(),
  changedAt: z.string().optional(),
  /** The store version of its latest change. */
  storeVersion: z.number().int().optional(),
  /** For `referenced`: the kept item that refers to it (`flow se-f9`). */
  by: z.string().optional(),
});
export type KeptItem = z.infer<typeof KeptItem>;

/** At most this many conflicts are listed (all are counted). */
export const MAX_LISTED_CONFLICTS = 500;
