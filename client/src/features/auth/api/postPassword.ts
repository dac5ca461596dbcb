// POST /api/auth/password: changes the signed-in user's password (the server ends their other sessions).
// A wrong current password or a weak new one answers 400 with a problem on that field.
import { useMutation } from '@tanstack/react-query';
import type { OkResponse, PasswordBody } from '@model/api-auth';
import { apiFetch } from '../../../lib/apiFetch';

export const postPassword = (body: PasswordBody) =>
  apiFetch<OkResponse>('/api/auth/password', { method: 'POST', body: JSON.stringify(body) });

export function useChangePassword() {
  return useMutation({ mutationFn: postPassword });
}
