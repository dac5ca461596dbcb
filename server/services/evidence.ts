// Evidence: the "to confirm" list of a country as a user may see it (a viewer's leaves out the flows carrying
// personal data). The pure rule is analysis/evidence/to-confirm.ts; this reads the store and filters.
import { toConfirm, type ToConfirmList } from '../analysis/evidence/to-confirm';
import { visibleLists } from '../auth/personal-data';
import { NotFoundError } from '../errors';
import type { Flow } from '../model';
import type { SessionUser } from '../model/roles';
import type { GraphStore } from '../store/port';

export async function toConfirmFor(
  store: GraphStore,
  country: string,
  user: SessionUser | undefined,
): Promise<ToConfirmList<Flow>> {
  // Interviews cited as evidence may be of the flow's foreign end, so the lists are the region's, not countryMap's.
  const { items: all } = await store.listMany(['country', 'stakeholder', 'flow', 'interview']);
  const items = visibleLists(all, user);
  if (!items.country.some((c) => c.code === country)) throw new NotFoundError(`country '${country}' is not in the map`);
  return toConfirm({ stakeholders: items.stakeholder, flows: items.flow, interviews: items.interview }, country);
}
