// GET /api/rounds/:id: one round with its frozen map document (a round never changes once frozen).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiFetch';
import { roundKeys } from './keys';
import { NOW, type Round } from './types';

export const getRound = (id: string) => apiFetch<Round>(`/api/rounds/${encodeURIComponent(id)}`);

export const roundQueryOptions = (id: string) =>
  queryOptions({ queryKey: roundKeys.detail(id), queryFn: () => getRound(id), staleTime: Infinity });

/** The round's document, or nothing for `now` (the current map is read from the graph). */
export function useRound(id: string | null) {
  return useQuery({ ...roundQueryOptions(id ?? ''), enabled: id !== null && id !== NOW });
}
