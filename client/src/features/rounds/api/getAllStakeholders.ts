// GET /api/stakeholders: every stakeholder in the map now, for the names and foreign ends a comparison
// mentions that neither compared side shows.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ENTITY_PATHS } from '@model/api-paths';
import type { ItemsResponse } from '@model/api-items';
import { apiFetch } from '../../../lib/apiFetch';
import { roundKeys } from './keys';

export const getAllStakeholders = () => apiFetch<ItemsResponse<'stakeholder'>>(`/api/${ENTITY_PATHS.stakeholder}`);

export const allStakeholdersQueryOptions = () =>
  queryOptions({ queryKey: roundKeys.stakeholders(), queryFn: getAllStakeholders });

export function useAllStakeholders() {
  return useQuery(allStakeholdersQueryOptions());
}
