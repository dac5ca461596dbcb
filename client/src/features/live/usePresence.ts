// This tab tells the API what it shows (POST /api/presence) when that changes and every 10 s, and that it has gone
// when the page is hidden for good (DELETE, sent so that it survives the page's end). A tab not heard of for 25 s
// is taken as gone by the server, so a crashed tab disappears for others within 30 s.
import { useEffect } from 'react';
import { apiFetch } from '../../lib/apiFetch';
import { TAB_ID, useEditing } from './presence';

const HEARTBEAT_MS = 10_000;

/** `who`: the signed-in user (null: nobody, nothing is sent). */
export function usePresence(who: string | null, country: string | null, view: string): void {
  const editing = useEditing();
  useEffect(() => {
    if (who === null) return;
    const body = JSON.stringify({ tab: TAB_ID, country, view, editing });
    const say = () => void apiFetch('/api/presence', { method: 'POST', body }).catch(() => {});
    say();
    const timer = setInterval(say, HEARTBEAT_MS);
    const gone = (e: PageTransitionEvent) => {
      if (e.persisted) return; // kept in the back-forward cache: it may come back
      void fetch(`/api/presence/${TAB_ID}`, { method: 'DELETE', keepalive: true }).catch(() => {});
    };
    window.addEventListener('pagehide', gone);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pagehide', gone);
    };
  }, [who, country, view, editing]);
}
