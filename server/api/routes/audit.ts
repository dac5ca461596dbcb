// The audit trail: who changed what and when, with the item before and after, newest first; filters
// by country, kind, key and person; pages with `before` (the answer's `nextBefore`).
import type { GraphStore } from '../../store/port';
import { defineRoute, type RouteDef } from '../route';
import { AuditActorsResponse, AuditQuery, AuditResponse } from '../rounds-schemas';
import { z } from 'zod';

export function auditRoutes(store: GraphStore): RouteDef[] {
  return [
    defineRoute({
      method: 'get', path: '/audit', tag: 'Audit', query: AuditQuery, response: AuditResponse,
      summary: 'Audit entries, newest first (filter by country, kind, key, actor; page with before = the previous answer\'s nextBefore)',
      handler: ({ query }) => store.auditPage(query),
    }),
    defineRoute({
      method: 'get', path: '/audit/actors', tag: 'Audit', query: z.strictObject({}), response: AuditActorsResponse,
      summary: 'Everyone who has changed something, sorted',
      handler: async () => ({ actors: await store.auditActors() }),
    }),
  ];
}
