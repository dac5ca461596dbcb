// GET /api/reference: the indicator catalogue, sectors and enumerations (rarely changes).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../lib/apiFetch';
import { mapKeys } from './keys';
import type { ReferenceResponse } from './types';

export function getReference(): Promise<ReferenceResponse> {
  return apiFetch<ReferenceResponse>('/api/reference');
}

export const referenceQueryOptions = () =>
  queryOptions({ queryKey: mapKeys.reference(), queryFn: getReference, staleTime: 10 * 60_000 });

export function useReference() {
  return useQuery(referenceQueryOptions());
}
