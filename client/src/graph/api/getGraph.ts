// GET /api/graph?country=XX: one country's stakeholders (plus foreign flow endpoints), flows and datasets.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../lib/apiFetch';
import { graphCameIn } from '../largeMapSize';
import { mapKeys } from './keys';
import type { GraphResponse } from './types';

export async function getGraph(country: string): Promise<GraphResponse> {
  const graph = await apiFetch<Omit<GraphResponse, 'country'> & { country: GraphResponse['country'] | null }>(
    `/api/graph?country=${encodeURIComponent(country)}`,
  );
  if (!graph.country) throw new Error(`The server sent the whole region instead of the map of ${country}.`);
  const answer = { ...graph, country: graph.country };
  // A large map's layout is computed (in the worker) while the page draws its frame and adds the map's elements.
  graphCameIn(answer);
  return answer;
}

export const graphQueryOptions = (country: string) =>
  queryOptions({ queryKey: mapKeys.graph(country), queryFn: () => getGraph(country) });

export function useGraph(country: string | null) {
  return useQuery({
    ...graphQueryOptions(country ?? ''),
    enabled: country !== null,
  });
}
