// GET /api/stakeholders/{id}: one stakeholder, for the names of path steps that lie outside a country's
// map (a coverage path may pass through stakeholders of other countries).
import { queryOptions, useQueries } from '@tanstack/react-query';
import type { ItemView } from '@model/api-items';
import { entityPath } from '@model/api-paths';
import { apiFetch } from '../../../lib/apiFetch';
import { gapsKeys } from './keys';

export type Stakeholder = ItemView<'stakeholder'>;

export const getStakeholder = (id: string) => apiFetch<Stakeholder>(entityPath('stakeholder', { id }));

export const stakeholderQueryOptions = (id: string) =>
  queryOptions({ queryKey: gapsKeys.stakeholder(id), queryFn: () => getStakeholder(id), staleTime: 5 * 60_000 });

/** Loads each of `ids` (usually none: the country's map already names them). */
export function useStakeholders(ids: readonly string[]) {
  return useQueries({ queries: ids.map((id) => stakeholderQueryOptions(id)) });
}
