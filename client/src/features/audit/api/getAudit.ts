// GET /api/audit: the audit trail, newest first, a page at a time ("Older" follows nextBefore).
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { AuditResponse } from '@model/api-rounds';
import { apiFetch } from '../../../lib/apiFetch';
import { auditQuery, type AuditFilters } from '../filters';
import { auditKeys } from './keys';

export const getAudit = (filters: AuditFilters, before?: number) =>
  apiFetch<AuditResponse>(`/api/audit?${auditQuery(filters, before)}`);

export const auditQueryOptions = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam }) => getAudit(filters, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore,
    // Changes happen in other views and other browsers: read the trail afresh each time it is opened.
    staleTime: 0,
  });

export function useAudit(filters: AuditFilters) {
  return useInfiniteQuery(auditQueryOptions(filters));
}
