// The audit trail: who changed what and when, with the item before and after, newest first; filters
// by country, kind, key and person; pages with `before` (the answer's `nextBefore`). Rule 'audit':
// admins and editors read it all, an NCP the entries of its own countries.
import { AuditService } from '../../services/audit';
import type { GraphStore } from '../../store/port';
import { defineRoute, type RouteDef } from '../route';
import { AuditActorsResponse, AuditQuery, AuditResponse } from '../../model/api-rounds';
import { z } from 'zod';

export function auditRoutes(store: GraphStore): RouteDef[] {
  const audit = new AuditService(store);
  return [
    defineRoute({
      method: 'get',
      path: '/audit',
      tag: 'Audit',
      query: AuditQuery,
      response: AuditResponse,
      access: 'audit',
      summary:
        "Audit entries, newest first (filter by country, kind, key, actor; page with before = the previous answer's nextBefore)",
      handler: ({ query, user }) => audit.page(query, user),
    }),
    defineRoute({
      method: 'get',
      path: '/audit/actors',
      tag: 'Audit',
      query: z.strictObject({}),
      response: AuditActorsResponse,
      access: 'audit',
      summary: 'Everyone who has changed something, sorted',
      handler: async ({ user }) => ({ actors: await audit.actors(user) }),
    }),
  ];
}
