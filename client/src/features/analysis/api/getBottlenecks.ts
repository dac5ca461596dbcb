// GET /api/analysis/bottlenecks?country=XX: betweenness, single points of failure, critical flows, fragile coverage.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiFetch';
import { analysisKeys } from './keys';
import type { BottlenecksResponse } from './types';

export const getBottlenecks = (country: string) =>
  apiFetch<BottlenecksResponse>(`/api/analysis/bottlenecks?country=${encodeURIComponent(country)}`);

export const bottlenecksQueryOptions = (country: string) =>
  queryOptions({ queryKey: analysisKeys.bottlenecks(country), queryFn: () => getBottlenecks(country) });

export function useBottlenecks(country: string | null) {
  return useQuery({ ...bottlenecksQueryOptions(country ?? ''), enabled: country !== null });
}
