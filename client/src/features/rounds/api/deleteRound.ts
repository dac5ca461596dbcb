// DELETE /api/rounds/:id: removes a frozen round (the map itself is not touched).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiFetch';
import { roundKeys } from './keys';
import type { RoundDeleted } from './types';

export const deleteRound = (id: string) =>
  apiFetch<RoundDeleted>(`/api/rounds/${encodeURIComponent(id)}`, { method: 'DELETE' });

export function useDeleteRound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteRound,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: roundKeys.all() }),
  });
}
