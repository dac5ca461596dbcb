// GET /api/auth/me: the signed-in user, or null when the API answers 401 (not signed in, or the session
// has ended). `useMe()` is what every view asks "who is this, and what may they do?" (with `can`).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MeResponse } from '@model/api-auth';
import type { SessionUser } from '@model/roles';
import { ApiError, apiFetch } from '../../../lib/apiFetch';
import { authKeys } from './keys';

export async function getMe(): Promise<SessionUser | null> {
  try {
    const { user } = await apiFetch<MeResponse>('/api/auth/me');
    return user;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export const meQueryOptions = () =>
  // The session lives on the server: ask again only when something says it changed (sign in or out, a 401).
  queryOptions({ queryKey: authKeys.me(), queryFn: getMe, staleTime: Infinity });

export function useMeQuery() {
  return useQuery(meQueryOptions());
}

/** The signed-in user (null while not signed in). Views inside the sign-in gate always get a user. */
export function useMe(): SessionUser | null {
  return useMeQuery().data ?? null;
}
