// The change feed (GET /api/events, Server-Sent Events) as the explorer follows it: one EventSource per tab,
// opened while someone is signed in (useLiveFeed), and the changes it brings handed to whoever listens (an open
// edit form: useChangedMeanwhile) and kept a moment (recent.ts: what changed flashes); who else is here (`presence`
// events) goes to presence.ts. EventSource reconnects by itself with Last-Event-ID; when the server refuses a
// reconnection (an error status closes an EventSource for good), a new one starts after a pause from the last id.
import type { ChangeEvent, PresenceList } from '@model/api-events';
import { setPresent } from './presence';
import { heardChange, heardReload } from './recent';

export type { ChangeEvent };

type Listener = (change: ChangeEvent) => void;

const listeners = new Set<Listener>();

/** Listens to every change the feed brings; returns the way to stop. */
export function onChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface FeedHandlers {
  /** A change was committed (by anyone, this tab included). */
  change(change: ChangeEvent): void;
  /** More was missed than the feed replays: read everything again. */
  reload(): void;
  /** The session ended, or the account's role or countries changed. */
  signedOut(): void;
}

/** Pause before a new connection after the server refused one (EventSource does not retry an error status). */
const RETRY_MS = 5_000;

/** Opens the feed; returns the way to close it. */
export function connectFeed(handlers: FeedHandlers, url = '/api/events'): () => void {
  let source: EventSource | undefined;
  let lastId: string | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const open = () => {
    const from = lastId === undefined ? '' : `?lastEventId=${encodeURIComponent(lastId)}`;
    const es = new EventSource(`${url}${from}`);
    source = es;
    const track = (e: MessageEvent) => {
      if (e.lastEventId) lastId = e.lastEventId;
    };
    es.addEventListener('ready', track);
    es.addEventListener('change', (e: MessageEvent<string>) => {
      track(e);
      const change = JSON.parse(e.data) as ChangeEvent;
      heardChange(change);
      handlers.change(change);
      for (const l of [...listeners]) l(change);
    });
    es.addEventListener('reload', (e: MessageEvent) => {
      track(e);
      heardReload();
      handlers.reload();
    });
    es.addEventListener('presence', (e: MessageEvent<string>) => {
      setPresent((JSON.parse(e.data) as PresenceList).present);
    });
    es.addEventListener('signed-out', () => {
      es.close();
      handlers.signedOut();
    });
    es.addEventListener('error', () => {
      if (closed || es.readyState !== EventSource.CLOSED || source !== es) return;
      retry = setTimeout(open, RETRY_MS);
    });
  };

  open();
  return () => {
    closed = true;
    if (retry) clearTimeout(retry);
    source?.close();
    setPresent([]);
  };
}
