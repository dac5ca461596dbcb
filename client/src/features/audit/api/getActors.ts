// GET /api/audit/actors: everyone who has changed something, for the person filter.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditActorsResponse } from '@model/api-rounds';
import { apiFetch } from '../../../lib/apiFetch';
import { auditKeys } from './keys';

export const getActors = () => apiFetch<z.infer<typeof AuditActorsResponse>>('/api/audit/actors');

export const actorsQueryOptions = () =>
  queryOptions({ queryKey: auditKeys.actors(), queryFn: getActors, staleTime: 0 });

export function useActors() {
  return useQuery(actorsQueryOptions());
}
