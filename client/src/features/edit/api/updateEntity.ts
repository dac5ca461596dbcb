// PUT /api/<kind>/<key>: replaces an item, giving the version that was read; a stale version answers
// 409 version_conflict with the stored item (`current`), which the form shows next to the person's own.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiFetch';
import { itemUrl, type EditKind, type StoredItem } from '../kinds';
import { invalidateAfterEdit } from './invalidate';

export interface UpdateInput {
  kind: EditKind;
  /** The whole entity (the API replaces the item); its key fields name the item. */
  entity: Record<string, unknown>;
  version: number;
}

export function updateEntity({ kind, entity, version }: UpdateInput): Promise<StoredItem> {
  return apiFetch<StoredItem>(itemUrl(kind, entity), {
    method: 'PUT',
    body: JSON.stringify({ ...entity, version }),
  });
}

export function useUpdateEntity() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateEntity, onSuccess: () => invalidateAfterEdit(queryClient) });
}
