// GET /api/stakeholders: every stakeholder in the map now, for the names and foreign ends a comparison
// mentions that neither compared side shows.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiFetch';
import type { StakeholderLike } from '../diff';
import { roundKeys } from './keys';

export const getAllStakeholders = () => apiFetch<{ items: StakeholderLike[] }>('/api/stakeholders');

export const allStakeholdersQueryOptions = () =>
  queryOptions({ queryKey: roundKeys.stakeholders(), queryFn: getAllStakeholders });

export function useAllStakeholders() {
  return useQuery(allStakeholdersQueryOptions());
}
