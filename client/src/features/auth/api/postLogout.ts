// POST /api/auth/logout: ends the session (the server clears the cookie); the cache is emptied, so the
// next person at this browser sees nothing of the last one's.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OkResponse } from '@model/api-auth';
import { apiFetch } from '../../../lib/apiFetch';
import { authKeys, dropAllButMe } from './keys';

export const postLogout = () => apiFetch<OkResponse>('/api/auth/logout', { method: 'POST' });

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: postLogout,
    // Signed out either way: a session the server no longer knows (401) is as good as ended.
    onSettled: () => {
      dropAllButMe(queryClient);
      queryClient.setQueryData(authKeys.me(), null);
    },
  });
}
