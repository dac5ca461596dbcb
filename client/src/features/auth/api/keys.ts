// Query keys of the auth feature: the signed-in user and the accounts list; and forgetting what the
// last user was shown when someone signs in or out.
import type { QueryClient } from '@tanstack/react-query';

export const authKeys = {
  me: () => ['auth', 'me'] as const,
  accounts: () => ['accounts'] as const,
};

/**
 * Removes every cached answer but the signed-in user's query (whose observer the sign-in gate holds:
 * it is set, not removed), so nothing the last user was shown survives a change of user.
 */
export function dropAllButMe(queryClient: QueryClient): void {
  const me = authKeys.me();
  queryClient.removeQueries({ predicate: (q) => !(q.queryKey[0] === me[0] && q.queryKey[1] === me[1]) });
}
