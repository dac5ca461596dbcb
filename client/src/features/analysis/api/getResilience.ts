// GET /api/analysis/resilience?country=XX: per indicator, how many independent routes reach the NCP (ANALYSIS.md §6).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiFetch';
import { analysisKeys } from './keys';
import type { ResilienceResponse } from './planTypes';

export const getResilience = (country: string) =>
  apiFetch<ResilienceResponse>(`/api/analysis/resilience?country=${encodeURIComponent(country)}`);

export const resilienceQueryOptions = (country: string) =>
  queryOptions({ queryKey: analysisKeys.resilience(country), queryFn: () => getResilience(country) });

export function useResilience(country: string | null) {
  return useQuery({ ...resilienceQueryOptions(country ?? ''), enabled: country !== null });
}
