// Names for stakeholder ids: from the country's map (already cached by the map view), and for the
// few ids outside it (foreign steps of a path) from the stakeholders API.
import { useMemo } from 'react';
import { useGraph } from '../../graph/api/getGraph';
import { useStakeholders } from './api/getStakeholder';

export interface NamedStakeholder {
  id: string;
  name: string;
  country: string | null;
  type: string | null;
}

export function useStakeholderNames(country: string, ids: readonly string[]) {
  const graph = useGraph(country);
  const own = useMemo(() => new Map((graph.data?.stakeholders ?? []).map((s) => [s.id, s])), [graph.data]);
  const missing = graph.data ? [...new Set(ids)].filter((id) => !own.has(id)).sort() : [];
  const extra = useStakeholders(missing);
  const lookup = (id: string): NamedStakeholder => {
    const s = own.get(id) ?? extra.find((q) => q.data?.id === id)?.data;
    return s ? { id, name: s.name, country: s.country, type: s.type } : { id, name: id, country: null, type: null };
  };
  return { lookup, isPending: graph.isPending || extra.some((q) => q.isPending) };
}
