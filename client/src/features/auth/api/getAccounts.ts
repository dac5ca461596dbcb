// GET /api/accounts (admin only): every account, without password hashes.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiFetch';
import { authKeys } from './keys';
import type { AccountsResponse } from './types';

export const getAccounts = () => apiFetch<AccountsResponse>('/api/accounts');

export const accountsQueryOptions = () =>
  queryOptions({ queryKey: authKeys.accounts(), queryFn: getAccounts, staleTime: 0 });

export function useAccounts() {
  return useQuery(accountsQueryOptions());
}
