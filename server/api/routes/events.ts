// The change feed: GET /api/events, Server-Sent Events (text/event-stream) of every committed change the signed-in
// user may see (services/events.ts). `id:` is the audit entry's sequence number; a reconnecting client sends it back
// as Last-Event-ID (or ?lastEventId=) and gets what it missed, or a `reload` event.
import { z } from 'zod';
import { sessionIdOf, type SessionService } from '../../auth/sessions';
import type { EventsHub } from '../../services/events';
import { defineRoute, type RouteDef } from '../route';

const EventsQuery = z.strictObject({
  lastEventId: z
    .string()
    .max(40)
    .optional()
    .describe('the id of the last event received, for clients that cannot send the Last-Event-ID header'),
});

const DESCRIPTION =
  'Server-Sent Events. `event: ready` first (its `id` is where the stream starts), then `event: change` per committed change ' +
  '(data: {seq, kind, key, action, countries, storeVersion, actor, at}; `id` = the audit sequence number), a `: ping` comment as heartbeat; ' +
  '`event: reload` (then the stream ends) when more was missed than can be sent, `event: signed-out` when the session ends';

export function eventsRoutes(events: EventsHub, sessions: SessionService): RouteDef[] {
  return [
    defineRoute({
      method: 'get',
      path: '/events',
      tag: 'Events',
      query: EventsQuery,
      access: 'read',
      summary: `The change feed (text/event-stream; resume with Last-Event-ID). ${DESCRIPTION}`,
      doc: { media: { 'text/event-stream': 'text' }, json: false },
      handler: async ({ req, res, query, user }) => {
        const header = req.get('Last-Event-ID');
        const lastEventId = header !== undefined && header !== '' ? header : query.lastEventId;
        res.status(200);
        res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
        // no-transform: the compression middleware leaves the stream alone (it would buffer it).
        res.setHeader('Cache-Control', 'no-cache, no-transform');
        res.setHeader('X-Accel-Buffering', 'no');
        res.setHeader('Connection', 'keep-alive');
        res.flushHeaders();
        req.socket.setTimeout(0);
        req.socket.setNoDelay(true);
        const id = sessionIdOf(req);
        // Listened for first: a client gone while the stream opens is forgotten too.
        let stream: { close(): void } | undefined;
        let gone = false;
        res.on('close', () => {
          gone = true;
          stream?.close();
        });
        try {
          stream = await events.open({
            user: user!,
            sink: res,
            lastEventId,
            // A stream open in an idle tab is no use of the session: its checks leave the idle expiry alone.
            checkSession: async (fresh) =>
              id ? (await sessions.resolve(id, { fresh, touch: false }))?.user : undefined,
          });
        } catch {
          res.end(); // the store could not be read: the client reconnects after its retry delay
          return;
        }
        if (gone) stream.close();
      },
    }),
  ];
}
