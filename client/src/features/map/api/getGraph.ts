// GET /api/graph?country=XX: one country's stakeholders (plus foreign flow endpoints), flows and datasets.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiFetch';
import { mapKeys } from './keys';
import type { GraphResponse } from './types';

export function getGraph(country: string): Promise<GraphResponse> {
  return apiFetch<GraphResponse>(`/api/graph?country=${encodeURIComponent(country)}`);
}

export const graphQueryOptions = (country: string) =>
  queryOptions({ queryKey: mapKeys.graph(country), queryFn: () => getGraph(country) });

export function useGraph(country: string | null) {
  return useQuery({
    ...graphQueryOptions(country ?? ''),
    enabled: country !== null,
  });
}
