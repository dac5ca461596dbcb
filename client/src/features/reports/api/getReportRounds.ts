// GET /api/rounds: the rounds a report can be built from (a country's and the region's, or the region's alone).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RoundSummary } from '@model/round';
import type { RoundsResponse } from '../../rounds/api/types';
import { apiFetch } from '../../../lib/apiFetch';
import { reportKeys } from './getReport';

/** A country's rounds and the region's; for the regional report (null), the region's only. */
export async function getReportRounds(country: string | null): Promise<RoundSummary[]> {
  const { rounds } = await apiFetch<RoundsResponse>(
    country ? `/api/rounds?country=${encodeURIComponent(country)}` : '/api/rounds',
  );
  return country ? rounds : rounds.filter((r) => r.country === null);
}

export const reportRoundsQueryOptions = (country: string | null) =>
  queryOptions({ queryKey: reportKeys.rounds(country ?? 'region'), queryFn: () => getReportRounds(country) });

export function useReportRounds(country: string | null) {
  return useQuery(reportRoundsQueryOptions(country));
}
