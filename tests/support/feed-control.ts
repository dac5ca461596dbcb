// The change feed's connections to the test server (GET /api/events), for the browser test of a killed connection
// (issue 15 point 4): where each connection asked to resume from is recorded, and `cut` destroys the open ones' sockets
// as a network failure would, refusing new ones the same way (the socket destroyed before any answer) until `restore`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface FeedControl {
  /** Each GET /api/events request's resume point, in order: its Last-Event-ID header, else ?lastEventId, else null. */
  readonly resumes: ReadonlyArray<string | null>;
  /** Cuts every open feed connection and refuses new ones until `restore`; answers how many were cut. */
  cut(): number;
  restore(): void;
}

export function feedControl(): FeedControl & {
  /** True when the request was the feed's and was refused here (the feed is cut). */
  refused(req: IncomingMessage, res: ServerResponse): boolean;
} {
  const open = new Set<Socket>();
  const resumes: Array<string | null> = [];
  let down = false;
  return {
    resumes,
    cut() {
      down = true;
      const count = open.size;
      for (const socket of open) socket.destroy();
      open.clear();
      return count;
    },
    restore() {
      down = false;
    },
    refused(req, res) {
      const url = new URL(req.url ?? '/', 'http://test');
      if (req.method !== 'GET' || url.pathname !== '/api/events') return false;
      if (down) {
        req.socket.destroy();
        return true;
      }
      const header = req.headers['last-event-id'];
      resumes.push(typeof header === 'string' && header !== '' ? header : url.searchParams.get('lastEventId'));
      const socket = req.socket;
      open.add(socket);
      res.once('close', () => open.delete(socket));
      return false;
    },
  };
}
