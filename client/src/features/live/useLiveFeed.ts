// The explorer follows the change feed (issue 15): while someone is signed in, every change committed by anyone
// makes the answers it may affect stale (the same as after an edit of one's own: invalidateAfterEdit), in the
// background, a burst of changes at once; a `reload` makes everything stale; `signed-out` asks the API who is
// signed in now (a 401 brings the sign-in page; a changed role or country list opens a new feed).
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { authKeys } from '../auth/api/keys';
import { invalidateAfterEdit } from '../edit/api/invalidate';
import { connectFeed } from './feed';

/** Changes arriving within this time are one refresh. */
const SETTLE_MS = 150;

/** `who`: the signed-in user's name, role and countries (a new feed for a new one); null when nobody is. */
export function useLiveFeed(who: string | null): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (who === null || typeof EventSource === 'undefined') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const close = connectFeed({
      change() {
        if (timer) return;
        timer = setTimeout(() => {
          timer = undefined;
          void invalidateAfterEdit(queryClient);
        }, SETTLE_MS);
      },
      reload: () => void queryClient.invalidateQueries(),
      signedOut: () => void queryClient.invalidateQueries({ queryKey: authKeys.me() }),
    });
    return () => {
      if (timer) clearTimeout(timer);
      close();
    };
  }, [who, queryClient]);
}
