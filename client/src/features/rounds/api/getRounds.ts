// GET /api/rounds?country=XX: the country's rounds and the region's, newest first.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiFetch';
import { roundKeys } from './keys';
import type { RoundsResponse } from './types';

export const getRounds = (country: string) =>
  apiFetch<RoundsResponse>(`/api/rounds?country=${encodeURIComponent(country)}`);

export const roundsQueryOptions = (country: string) =>
  queryOptions({ queryKey: roundKeys.list(country), queryFn: () => getRounds(country) });

export function useRounds(country: string) {
  return useQuery(roundsQueryOptions(country));
}
