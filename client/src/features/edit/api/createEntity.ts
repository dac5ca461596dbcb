// POST /api/<kind>: creates an item (201 with the stored item); the audit names the signed-in user.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiFetch';
import { ENTITY_PATHS } from '@model/api-paths';
import type { EditKind, StoredItem } from '../kinds';
import { invalidateAfterEdit } from './invalidate';

export interface CreateInput {
  kind: EditKind;
  entity: Record<string, unknown>;
}

export function createEntity({ kind, entity }: CreateInput): Promise<StoredItem> {
  return apiFetch<StoredItem>(`/api/${ENTITY_PATHS[kind]}`, {
    method: 'POST',
    body: JSON.stringify(entity),
  });
}

export function useCreateEntity() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createEntity, onSuccess: () => invalidateAfterEdit(queryClient) });
}
