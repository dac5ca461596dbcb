// DELETE /api/<kind>/<key>?version=N[&cascade=true]: removes an item. Without cascade, an item others
// depend on answers 409 has_dependants with their counts; with it, they go too (or lose the reference).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DeleteResponse } from '@model/api';
import { apiFetch } from '../../../lib/apiFetch';
import { itemUrl, type EditKind } from '../kinds';
import { invalidateAfterEdit } from './invalidate';

export type DeleteResult = z.infer<typeof DeleteResponse>;

export interface DeleteInput {
  kind: EditKind;
  item: Readonly<Record<string, unknown>>;
  version: number;
  cascade?: boolean;
}

export function deleteEntity({ kind, item, version, cascade = false }: DeleteInput): Promise<DeleteResult> {
  const query = new URLSearchParams({ version: String(version), ...(cascade ? { cascade: 'true' } : {}) });
  return apiFetch<DeleteResult>(`${itemUrl(kind, item)}?${query.toString()}`, { method: 'DELETE' });
}

export function useDeleteEntity() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteEntity, onSuccess: () => invalidateAfterEdit(queryClient) });
}
