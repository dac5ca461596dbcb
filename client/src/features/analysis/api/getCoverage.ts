// GET /api/analysis/coverage?country=XX: each indicator's status for one country, with paths.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiFetch';
import { analysisKeys } from './keys';
import type { CountryCoverageResponse } from './types';

export const getCoverage = (country: string) =>
  apiFetch<CountryCoverageResponse>(`/api/analysis/coverage?country=${encodeURIComponent(country)}`);

export const coverageQueryOptions = (country: string) =>
  queryOptions({ queryKey: analysisKeys.coverage(country), queryFn: () => getCoverage(country) });

export function useCoverage(country: string | null) {
  return useQuery({ ...coverageQueryOptions(country ?? ''), enabled: country !== null });
}
