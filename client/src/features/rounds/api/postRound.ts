// POST /api/rounds: freezes the current map of a country (or of the whole region) as a named round.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiFetch';
import { roundKeys } from './keys';
import type { FreezeRequest, RoundSummary } from './types';

export const postRound = (body: FreezeRequest) =>
  apiFetch<RoundSummary>('/api/rounds', { method: 'POST', body: JSON.stringify(body) });

export function useFreezeRound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: postRound,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: roundKeys.all() }),
  });
}
