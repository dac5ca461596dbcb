// POST /api/auth/login: signs in; the server sets the session cookie. What the app cached before
// belongs to nobody now, so it is dropped and the signed-in user put in its place.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginBody, MeResponse } from '@model/api-auth';
import { apiFetch } from '../../../lib/apiFetch';
import { authKeys, dropAllButMe } from './keys';

export const postLogin = (credentials: LoginBody) =>
  apiFetch<MeResponse>('/api/auth/login', { method: 'POST', body: JSON.stringify(credentials) });

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: postLogin,
    onSuccess: ({ user }) => {
      dropAllButMe(queryClient);
      queryClient.setQueryData(authKeys.me(), user);
    },
  });
}
