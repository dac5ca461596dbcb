// DELETE /api/accounts/:username (admin only): removes an account and ends its sessions; removing the
// last admin answers 409 last_admin.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AccountDeleteResponse } from '@model/api-auth';
import { apiFetch } from '../../../lib/apiFetch';
import { authKeys } from './keys';

export const deleteAccount = (username: string) =>
  apiFetch<AccountDeleteResponse>(`/api/accounts/${encodeURIComponent(username)}`, { method: 'DELETE' });

export function useDeleteAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAccount,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.accounts() }),
  });
}
