// The change feed: GET /api/events, Server-Sent Events (text/event-stream) of every committed change the signed-in
// user may see (services/events.ts). `id:` is the audit entry's sequence number; a reconnecting client sends it back
// as Last-Event-ID (or ?lastEventId=) and gets what it missed, or a `reload` event.
import { z } from 'zod';
import { sessionIdHashOf } from '../../auth/middleware';
import { sessionIdOf, type SessionService } from '../../auth/sessions';
import { KINDS } from '../../model';
import type { EventsHub } from '../../services/events';
import { presenceFor } from '../../services/presence';
import { defineRoute, type RouteDef } from '../route';

const EventsQuery = z.strictObject({
  lastEventId: z
    .string()
    .max(40)
    .optional()
    .describe('the id of the last event received, for clients that cannot send the Last-Event-ID header'),
});

const Tab = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'is 8 to 64 letters, digits, - or _')
  .describe("the browser tab's own random id");
const PresenceBody = z.strictObject({
  tab: Tab,
  country: z
    .string()
    .regex(/^[A-Z]{2,3}$/, 'is a country code')
    .nullable()
    .describe('the country the tab shows (null: the region)'),
  view: z
    .string()
    .regex(/^[a-z]{1,20}$/, 'is a view name')
    .describe('the view the tab shows (map, gaps, ...)'),
  editing: z
    .strictObject({ kind: z.enum(KINDS), key: z.string().min(1).max(200) })
    .nullable()
    .describe('the item whose edit form is open in the tab'),
});
const PresenceEntrySchema = PresenceBody.extend({ username: z.string(), role: z.string() });
const PresenceResponse = z.object({ present: z.array(PresenceEntrySchema) });
const OkResponse = z.object({ ok: z.literal(true) });

const DESCRIPTION =
  'Server-Sent Events. `event: ready` first (its `id` is where the stream starts), then `event: change` per committed change ' +
  '(data: {seq, kind, key, action, countries, storeVersion, actor, at}; `id` = the audit sequence number), a `: ping` comment as heartbeat; ' +
  '`event: reload` (then the stream ends) when more was missed than can be sent, `event: signed-out` when the session ends; ' +
  '`event: presence` (data: {present: [{tab, username, role, country, view, editing}]}, no id) when who is looking at what changed, and once after `ready`';

export function eventsRoutes(events: EventsHub, sessions: SessionService): RouteDef[] {
  return [
    defineRoute({
      method: 'get',
      path: '/presence',
      tag: 'Events',
      query: z.strictObject({}),
      access: 'read',
      response: PresenceResponse,
      summary:
        'Who is looking at what now: one entry per open tab (username, role, country, view, the item being edited)',
      handler: async ({ user }) => presenceFor(await events.presence.read(), user!),
    }),
    defineRoute({
      method: 'post',
      path: '/presence',
      tag: 'Events',
      body: PresenceBody,
      access: 'read',
      response: OkResponse,
      summary:
        'A tab says what it shows (send it when that changes and every 10 s; a tab not heard of for 25 s is gone)',
      handler: async ({ body, res, user }) => {
        await events.presence.here(user!, sessionIdHashOf(res)!, body);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/presence/:tab',
      tag: 'Events',
      params: z.strictObject({ tab: Tab }),
      access: 'read',
      response: OkResponse,
      summary: 'A tab closes: its presence ends at once',
      handler: async ({ params, res }) => {
        await events.presence.leave(sessionIdHashOf(res)!, params.tab);
        return { ok: true as const };
      },
    }),
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
