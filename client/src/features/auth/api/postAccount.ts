// POST /api/accounts (admin only): creates an account (201 with it); problems come back on their fields.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiFetch';
import { authKeys } from './keys';
import type { Account, NewAccount } from './types';

export const postAccount = (body: NewAccount) =>
  apiFetch<Account>('/api/accounts', { method: 'POST', body: JSON.stringify(body) });

export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: postAccount,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.accounts() }),
  });
}
