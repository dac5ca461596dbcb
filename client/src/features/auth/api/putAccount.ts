// PUT /api/accounts/:username (admin only): changes the role, countries or name, or resets the password.
// Demoting the last admin answers 409 last_admin.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiFetch';
import { authKeys } from './keys';
import type { Account, AccountChange } from './types';

export interface AccountUpdate {
  username: string;
  change: AccountChange;
}

export const putAccount = ({ username, change }: AccountUpdate) =>
  apiFetch<Account>(`/api/accounts/${encodeURIComponent(username)}`, { method: 'PUT', body: JSON.stringify(change) });

export function useUpdateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putAccount,
    // One's own role may have changed: the signed-in user is asked again too.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: authKeys.accounts() }),
        queryClient.invalidateQueries({ queryKey: authKeys.me() }),
      ]),
  });
}
