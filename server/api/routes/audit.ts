// The audit trail: who changed what and when, with the item before and after, newest first.
import { z } from 'zod';
import { AuditEntry, KINDS, type Kind } from '../../model';
import type { GraphStore } from '../../store/port';
import { defineRoute, type RouteDef } from '../route';

export function auditRoutes(store: GraphStore): RouteDef[] {
  return [
    defineRoute({
      method: 'get', path: '/audit', tag: 'Audit', summary: 'Audit entries, newest first (filter by kind, key, actor; page with after)',
      query: z.strictObject({
        kind: z.enum(KINDS as [Kind, ...Kind[]]).optional(),
        key: z.string().max(300).optional(),
        actor: z.string().max(80).optional(),
        after: z.coerce.number().int().min(0).optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(100),
      }),
      response: z.object({ entries: z.array(AuditEntry) }),
      handler: async ({ query }) => ({ entries: await store.audit(query) }),
    }),
  ];
}
