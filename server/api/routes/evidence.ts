// Evidence: the "to confirm" list of a country (flows reported by one end only, assumed, or without evidence);
// 'read', and a viewer's list leaves out the flows carrying personal data.
import { visibleLists } from '../../auth/personal-data';
import { toConfirm } from '../../analysis/evidence/to-confirm';
import { NotFoundError } from '../../errors';
import type { GraphStore } from '../../store/port';
import { defineRoute, type RouteDef } from '../route';
import { ToConfirmQuery, ToConfirmResponse } from '../../model/api-rounds';

export function evidenceRoutes(store: GraphStore): RouteDef[] {
  return [
    defineRoute({
      method: 'get', path: '/to-confirm', tag: 'Evidence', query: ToConfirmQuery, response: ToConfirmResponse, access: 'read',
      summary: 'Flows touching a country that need confirming: reported by one end only (single_end), assumed, or without evidence',
      handler: async ({ query, user }) => {
        const { items: all } = await store.listMany(['country', 'stakeholder', 'flow', 'interview']);
        const items = visibleLists(all, user);
        if (!items.country.some((c) => c.code === query.country)) throw new NotFoundError(`country '${query.country}' is not in the map`);
        return toConfirm({ stakeholders: items.stakeholder, flows: items.flow, interviews: items.interview }, query.country);
      },
    }),
  ];
}
