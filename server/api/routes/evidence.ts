// Evidence: the "to confirm" list of a country (flows reported by one end only, assumed, or without evidence);
// 'read', and a viewer's list leaves out the flows carrying personal data.
import { toConfirmFor } from '../../services/evidence';
import type { GraphStore } from '../../store/port';
import { defineRoute, type RouteDef } from '../route';
import { ToConfirmQuery, ToConfirmResponse } from '../../model/api-rounds';

export function evidenceRoutes(store: GraphStore): RouteDef[] {
  return [
    defineRoute({
      method: 'get',
      path: '/to-confirm',
      tag: 'Evidence',
      query: ToConfirmQuery,
      response: ToConfirmResponse,
      access: 'read',
      summary:
        'Flows touching a country that need confirming: reported by one end only (single_end), assumed, or without evidence',
      handler: ({ query, user }) => toConfirmFor(store, query.country, user),
    }),
  ];
}
