// GET /api/analysis/ncp?country=XX: the NCP's position in its national network.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiFetch';
import { analysisKeys } from './keys';
import type { NcpResponse } from './types';

export const getNcp = (country: string) =>
  apiFetch<NcpResponse>(`/api/analysis/ncp?country=${encodeURIComponent(country)}`);

export const ncpQueryOptions = (country: string) =>
  queryOptions({ queryKey: analysisKeys.ncp(country), queryFn: () => getNcp(country) });

export function useNcp(country: string | null) {
  return useQuery({ ...ncpQueryOptions(country ?? ''), enabled: country !== null });
}
