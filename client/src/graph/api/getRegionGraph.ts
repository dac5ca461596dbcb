// GET /api/graph (no country): the whole region, every country's stakeholders and all flows between them.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../lib/apiFetch';
import { mapKeys } from './keys';
import type { RegionGraphResponse } from './types';

export async function getRegionGraph(): Promise<RegionGraphResponse> {
  const graph = await apiFetch<RegionGraphResponse>('/api/graph');
  if (graph.country !== null) throw new Error('The server sent one country instead of the whole region.');
  return graph;
}

export const regionGraphQueryOptions = () => queryOptions({ queryKey: mapKeys.region(), queryFn: getRegionGraph });

export function useRegionGraph(enabled = true) {
  return useQuery({ ...regionGraphQueryOptions(), enabled });
}
