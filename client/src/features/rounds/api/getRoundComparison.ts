// GET /api/rounds/compare?country=XX&from=&to=: what changed between two rounds, or a round and now.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiFetch';
import { roundKeys } from './keys';
import { NOW, type RoundComparison } from './types';

export const getRoundComparison = (country: string, from: string, to: string) =>
  apiFetch<RoundComparison>(`/api/rounds/compare?${new URLSearchParams({ country, from, to }).toString()}`);

export const roundComparisonQueryOptions = (country: string, from: string, to: string) =>
  queryOptions({
    queryKey: roundKeys.compare(country, from, to),
    queryFn: () => getRoundComparison(country, from, to),
    // Two frozen rounds never change; a comparison with now is read again each time it is opened.
    staleTime: from === NOW || to === NOW ? 0 : Infinity,
  });

export function useRoundComparison(country: string, from: string | null, to: string | null) {
  return useQuery({
    ...roundComparisonQueryOptions(country, from ?? '', to ?? ''),
    enabled: from !== null && to !== null,
  });
}
