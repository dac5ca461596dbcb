// GET /api/audit/actors: everyone who has changed something, for the person filter.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiFetch';
import { auditKeys } from './keys';

export const getActors = () => apiFetch<{ actors: string[] }>('/api/audit/actors');

export const actorsQueryOptions = () => queryOptions({ queryKey: auditKeys.actors(), queryFn: getActors, staleTime: 0 });

export function useActors() {
  return useQuery(actorsQueryOptions());
}
