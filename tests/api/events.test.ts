// The change feed (issue 15 point 1): GET /api/events streams each committed change to the open streams, as far as
// each user may see it; Last-Event-ID resumes from the audit trail or asks for a reload; heartbeats; a session that
// ends ends its stream (and its tabs' presence); a client that stops reading is dropped; a change through one app
// instance reaches a stream of another. Real HTTP on 127.0.0.1 (a stream never ends by itself); deadlines are generous, nothing is timed.
import { EventEmitter } from 'node:events';
import http from 'node:http';
import request from 'supertest';
import { createApp, eventsOf, type AppDeps } from '../../server/app';
import type { GraphStore } from '../../server/store/port';
import type { SessionUser } from '../../server/model/roles';
import { EventsHub } from '../../server/services/events';
import { hashSessionId } from '../../server/auth/sessions';
import { FakeClock, TEST_PASSWORD, createTestAccount, loginCookie } from '../support/auth';
import { smallMapStore } from '../support/small-store';
import { listen, openEvents, type Listening, type SseConnection } from '../support/sse-client';
import { until } from '../support/two-instances';

let store: GraphStore;
let app: ReturnType<typeof createApp>;
let server: Listening;
const open: SseConnection[] = [];
const cookies: Record<string, string> = {};

async function start(events: AppDeps['events'] = {}, deps: Partial<AppDeps> = {}): Promise<void> {
  app = createApp({ store, events: { heartbeatMs: 200, ...events }, ...deps });
  server = await listen(app);
  for (const role of ['admin', 'editor', 'viewer'] as const) {
    await createTestAccount(store, { role });
    cookies[role] = await loginCookie(app, role);
  }
  await createTestAccount(store, { role: 'ncp', username: 'ncp-xa', countries: ['XA'] });
  cookies['ncp-xa'] = await loginCookie(app, 'ncp-xa');
  await createTestAccount(store, { role: 'ncp', username: 'ncp-xb', countries: ['XB'] });
  cookies['ncp-xb'] = await loginCookie(app, 'ncp-xb');
}

async function stream(
  who: string,
  options: { headers?: Record<string, string>; path?: string; url?: string } = {},
): Promise<SseConnection> {
  const conn = await openEvents(options.url ?? server.url, { cookie: cookies[who], ...options });
  open.push(conn);
  return conn;
}

/** Opens a stream and waits for its `ready` event. */
async function ready(who: string, options: Parameters<typeof stream>[1] = {}): Promise<SseConnection> {
  const conn = await stream(who, options);
  await conn.waitFor((e) => e.event === 'ready', `${who}'s stream is ready`);
  return conn;
}

/** Changes a flow's note (as the editor, through `on`); returns the new version. */
async function note(key: string, text: string, fields: Record<string, unknown> = {}, on = app): Promise<void> {
  const flow = (await request(on).get(`/api/flows/${key}`).set('Cookie', cookies.editor!).expect(200)).body;
  await request(on)
    .put(`/api/flows/${key}`)
    .set('Cookie', cookies.editor!)
    .send({ ...flow, ...fields, note: text })
    .expect(200);
}

const changes = (c: SseConnection) => c.events.filter((e) => e.event === 'change');
const hasChange = (key: string) => (c: SseConnection) => changes(c).some((e) => e.data.key === key);

beforeEach(async () => {
  store = await smallMapStore();
});
afterEach(async () => {
  for (const c of open.splice(0)) c.close();
  eventsOf(app)?.close();
  await server?.close();
  await store.close();
});

describe('the stream', () => {
  test('when a user is not signed in, then GET /api/events answers 401', async () => {
    await start();
    await request(app).get('/api/events').expect(401);
  });

  test("when an editor changes a flow, then another user's open stream gets it as a change event, uncompressed and unbuffered", async () => {
    await start();
    const viewer = await ready('viewer', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(viewer.status).toBe(200);
    expect(viewer.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(viewer.headers['cache-control']).toMatch(/no-cache/);
    expect(viewer.headers['x-accel-buffering']).toBe('no');
    expect(viewer.headers['content-encoding']).toBeUndefined();
    await note('xa-f2', 'seen live');
    const e = await viewer.waitFor((x) => x.event === 'change' && x.data.key === 'xa-f2');
    expect(e.data).toMatchObject({ kind: 'flow', key: 'xa-f2', action: 'update', countries: ['XA'], actor: 'editor' });
    expect(typeof e.data.storeVersion).toBe('number');
    expect(typeof e.data.at).toBe('string');
    expect(e.id).toBe(String(e.data.seq));
  });

  test('when the stream is idle, then heartbeat comments arrive', async () => {
    await start({ heartbeatMs: 50 });
    const admin = await ready('admin');
    await admin.until('a heartbeat', (c) => c.comments.includes('ping'));
  });

  test("when a tab only keeps its stream open, then the heartbeats' session checks do not keep the session from going idle", async () => {
    const clock = new FakeClock();
    await start({ heartbeatMs: 30 }, { clock, sessionCacheSeconds: 0 });
    const cookie = await loginCookie(app, 'viewer');
    const idHash = hashSessionId(cookie.replace(/^[^=]+=/, '').replace(/;.*$/, ''));
    const idleAt = async () => (await store.accounts.getSession(idHash))!.session.idleExpiresAt;
    const before = await idleAt();
    const conn = await openEvents(server.url, { cookie });
    open.push(conn);
    await conn.waitFor((e) => e.event === 'ready');
    clock.advance(30 * 60_000);
    const pings = conn.comments.filter((c) => c === 'ping').length;
    await conn.until('three more heartbeats', (c) => c.comments.filter((x) => x === 'ping').length >= pings + 3);
    expect(await idleAt()).toBe(before);
    expect(conn.ended).toBe(false);
    // A request is a use of the session: it moves the idle expiry (so the check above could fail).
    await request(app).get('/api/countries').set('Cookie', cookie).expect(200);
    expect(Date.parse(await idleAt())).toBeGreaterThan(Date.parse(before));
  });
});

describe('what each user may see', () => {
  test('when a flow becomes personal data, then a viewer sees it go (a delete) and nothing more of it, while an editor sees every change', async () => {
    await start();
    const viewer = await ready('viewer');
    const editor = await ready('editor');
    await note('xa-f2', 'now personal', { personalData: 'personal' });
    await note('xa-f2', 'personal, changed again');
    await note('xa-f1', 'marker'); // after the two above: once it is here, they have been handed out
    await viewer.until('the marker', hasChange('xa-f1'));
    await editor.until('the marker', hasChange('xa-f1'));
    const viewerF2 = changes(viewer)
      .filter((e) => e.data.key === 'xa-f2')
      .map((e) => e.data.action);
    expect(viewerF2).toEqual(['delete']);
    expect(
      changes(editor)
        .filter((e) => e.data.key === 'xa-f2')
        .map((e) => e.data.action),
    ).toEqual(['update', 'update']);
    await note('xa-f2', 'no longer personal', { personalData: 'none' });
    const back = await viewer.waitFor(
      (e) => e.event === 'change' && e.data.key === 'xa-f2' && e.data.action === 'create',
    );
    expect(back.data.kind).toBe('flow');
  });

  test('when flows of two countries change, then an NCP gets every change of the region (it reads every map), with who made it only in its own countries', async () => {
    await start();
    const xa = await ready('ncp-xa');
    const xb = await ready('ncp-xb');
    const admin = await ready('admin');
    await note('xb-f1', 'XB only');
    await note('xa-f3', 'cross-border');
    await note('xa-f1', 'XA only');
    await admin.until('all three', (c) => ['xb-f1', 'xa-f3', 'xa-f1'].every((k) => hasChange(k)(c)));
    await xa.until('all three for XA', (c) => changes(c).length === 3);
    await xb.until('all three for XB', (c) => changes(c).length === 3);
    const seen = (c: SseConnection) => changes(c).map((e) => [e.data.key, e.data.actor]);
    expect(seen(admin)).toEqual([
      ['xb-f1', 'editor'],
      ['xa-f3', 'editor'],
      ['xa-f1', 'editor'],
    ]);
    // xa-f3 runs from XA to XB: both NCPs see who changed it.
    expect(seen(xa)).toEqual([
      ['xb-f1', null],
      ['xa-f3', 'editor'],
      ['xa-f1', 'editor'],
    ]);
    expect(seen(xb)).toEqual([
      ['xb-f1', 'editor'],
      ['xa-f3', 'editor'],
      ['xa-f1', null],
    ]);
    // Resuming gives the same as live.
    const startId = xa.events.find((e) => e.event === 'ready')!.id!;
    const again = await ready('ncp-xa', { headers: { 'Last-Event-ID': startId } });
    expect(seen(again)).toEqual(seen(xa));
  });

  test("when an account is changed, then only an administrator's stream tells of it", async () => {
    await start();
    const admin = await ready('admin');
    const editor = await ready('editor');
    await request(app)
      .post('/api/accounts')
      .set('Cookie', cookies.admin!)
      .send({ username: 'newcomer', role: 'viewer', password: 'a long enough password 1' })
      .expect(201);
    await note('xa-f1', 'marker');
    await admin.until('the account', (c) =>
      changes(c).some((e) => e.data.kind === 'account' && e.data.key === 'newcomer'),
    );
    await editor.until('the marker', hasChange('xa-f1'));
    expect(changes(editor).some((e) => e.data.kind === 'account')).toBe(false);
  });
});

describe('Last-Event-ID', () => {
  test('when a client reconnects with the id it saw last, then it gets exactly the missed changes, in order, then live ones', async () => {
    await start();
    const first = await ready('editor');
    await note('xa-f1', 'one');
    const seen = await first.waitFor((e) => e.event === 'change' && e.data.key === 'xa-f1');
    first.close();
    await note('xa-f2', 'missed 1');
    await note('xa-f3', 'missed 2');
    await note('xb-f1', 'missed 3');
    const again = await ready('editor', { headers: { 'Last-Event-ID': seen.id! } });
    expect(changes(again).map((e) => e.data.key)).toEqual(['xa-f2', 'xa-f3', 'xb-f1']);
    const ids = changes(again).map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(ids[0]).toBeGreaterThan(Number(seen.id));
    const readyEvent = again.events.find((e) => e.event === 'ready')!;
    expect(Number(readyEvent.id)).toBe(ids[2]);
    await note('xa-f1', 'live again');
    await again.until('the live change', (c) => changes(c).length === 4);
    expect(changes(again)[3]!.data.key).toBe('xa-f1');
    // ?lastEventId= does the same for clients that cannot set the header.
    const byQuery = await ready('editor', { path: `/api/events?lastEventId=${seen.id}` });
    expect(changes(byQuery).map((e) => e.data.key)).toEqual(['xa-f2', 'xa-f3', 'xb-f1', 'xa-f1']);
  });

  test('when a viewer resumes, then the missed changes it may not see stay out', async () => {
    await start();
    const first = await ready('viewer');
    const startId = first.events.find((e) => e.event === 'ready')!.id!;
    first.close();
    await note('xa-f2', 'personal now', { personalData: 'special_category' });
    await note('xa-f2', 'still personal');
    await note('xa-f1', 'visible');
    const again = await ready('viewer', { headers: { 'Last-Event-ID': startId } });
    expect(changes(again).map((e) => [e.data.key, e.data.action])).toEqual([
      ['xa-f2', 'delete'],
      ['xa-f1', 'update'],
    ]);
  });

  test('when more changes were missed than the bound, or the id is not of this trail, then a reload event comes and the stream ends', async () => {
    await start({ maxMissed: 3 });
    const first = await ready('editor');
    const startId = first.events.find((e) => e.event === 'ready')!.id!;
    first.close();
    for (let i = 0; i < 4; i++) await note('xa-f1', `missed ${i}`);
    const again = await stream('editor', { headers: { 'Last-Event-ID': startId } });
    const reload = await again.waitFor((e) => e.event === 'reload');
    expect(changes(again)).toEqual([]);
    expect(Number(reload.id)).toBeGreaterThan(Number(startId));
    await again.until('the stream ends', (c) => c.ended);
    // Resuming from the reload's id is an ordinary stream.
    const resumed = await ready('editor', { headers: { 'Last-Event-ID': reload.id! } });
    expect(changes(resumed)).toEqual([]);
    const future = await stream('editor', { headers: { 'Last-Event-ID': '99999999' } });
    await future.waitFor((e) => e.event === 'reload');
    const garbage = await stream('editor', { headers: { 'Last-Event-ID': 'abc' } });
    await garbage.waitFor((e) => e.event === 'reload');
  });
});

describe('ending streams', () => {
  test('when the user signs out, then its stream ends with a signed-out event', async () => {
    await start({ heartbeatMs: 50 });
    const cookie = await loginCookie(app, 'editor');
    const conn = await openEvents(server.url, { cookie });
    open.push(conn);
    await conn.waitFor((e) => e.event === 'ready');
    await request(app).post('/api/auth/logout').set('Cookie', cookie).expect(200);
    await conn.waitFor((e) => e.event === 'signed-out');
    await conn.until('the stream ends', (c) => c.ended);
  });

  test('when the account is removed, then its stream ends', async () => {
    await start({ heartbeatMs: 60_000 });
    const viewer = await ready('viewer');
    await request(app).delete('/api/accounts/viewer').set('Cookie', cookies.admin!).expect(200);
    await viewer.waitFor((e) => e.event === 'signed-out'); // the account's audit entry triggers the check
    await viewer.until('the stream ends', (c) => c.ended);
  });

  test('when the client closes its stream, then the app instance forgets it (and stops polling when none is left)', async () => {
    await start();
    const conn = await ready('editor');
    expect(eventsOf(app)!.size).toBe(1);
    conn.close();
    await until('the stream is forgotten', async () => eventsOf(app)!.size === 0);
  });
});

/** A response whose client does not read: writes report a full buffer and nothing drains. */
class PausedSink extends EventEmitter {
  writableLength = 0;
  destroyed = false;
  ended = false;
  constructor(private readonly accepts: boolean) {
    super();
  }
  write(chunk: string): boolean {
    this.writableLength += Buffer.byteLength(chunk);
    return this.accepts;
  }
  end(): void {
    this.ended = true;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

describe('a client that stops reading', () => {
  const editor: SessionUser = { username: 'editor', role: 'editor', countries: [] };
  let hub: EventsHub;
  afterEach(() => hub.close());

  test('when its unsent bytes pass the bound, then it is dropped', async () => {
    hub = new EventsHub(store, { pollMs: 20, limits: { maxBufferedBytes: 2000, drainTimeoutMs: 600_000 } });
    const sink = new PausedSink(false);
    await hub.open({ user: editor, sink, checkSession: async () => editor });
    const flow = await store.get('flow', 'xa-f1');
    let version = flow.version;
    for (let i = 0; i < 40 && !sink.destroyed; i++) {
      const {
        version: _v,
        updatedAt: _a,
        updatedBy: _b,
        ...rest
      } = (await store.get('flow', 'xa-f1')) as unknown as Record<string, unknown>;
      version = (
        await store.update('flow', 'xa-f1', { ...rest, note: `change ${i} ${'x'.repeat(100)}` }, version, 'writer')
      ).version;
      await new Promise((r) => setTimeout(r, 30));
    }
    await until('the client is dropped', async () => sink.destroyed);
    expect(hub.size).toBe(0);
  });

  test('when its buffer does not drain in time, then it is dropped', async () => {
    hub = new EventsHub(store, { pollMs: 20, limits: { maxBufferedBytes: 1024 * 1024, drainTimeoutMs: 50 } });
    const sink = new PausedSink(false);
    await hub.open({ user: editor, sink, checkSession: async () => editor });
    await until('the client is dropped', async () => sink.destroyed);
    expect(hub.size).toBe(0);
    expect(sink.writableLength).toBeLessThan(1024);
  });
});

describe('a real client that stops reading', () => {
  test('when a client over HTTP stops reading, then the server closes its stream once its unsent bytes pass the bound, and a reading client still gets everything', async () => {
    const BOUND = 64 * 1024;
    const drops: string[] = [];
    const logger = {
      info: () => {},
      warn: (msg: string, extra?: object) => {
        if (msg.includes('stopped reading')) drops.push(String((extra as { why?: string }).why));
      },
      error: () => {},
    };
    // No drain time-out worth the name: only the bound on unsent bytes can drop the client.
    await start({
      presenceMs: 20,
      presenceTtlMs: 600_000,
      limits: { maxBufferedBytes: BOUND, drainTimeoutMs: 600_000 },
      logger,
    });
    const reader = await ready('admin');
    // A client that reads the head and then nothing: the kernel's buffers fill, then the server's.
    const paused = await new Promise<http.IncomingMessage>((resolve, reject) => {
      http
        .get(`${server.url}/api/events`, { headers: { Accept: 'text/event-stream', Cookie: cookies.viewer! } })
        .on('response', (res) => {
          res.pause();
          resolve(res);
        })
        .on('error', reject);
    });
    expect(paused.statusCode).toBe(200);
    await until('both streams are open', async () => eventsOf(app)!.size === 2);

    // Big presence events (400 tabs, ~40 kB each): one tab's view flips, and the reader sees each list.
    const now = () => new Date().toISOString();
    const tab = (i: number, view: string) => ({
      idHash: `bulk-session-${i}`,
      tab: `tab-bulk-${String(i).padStart(6, '0')}`,
      username: `bulk-${i}`,
      role: 'viewer' as const,
      country: 'XA',
      view,
      editingKind: null,
      editingKey: null,
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
    });
    for (let i = 0; i < 400; i++) await store.accounts.putPresence(tab(i, 'map'), now());
    const viewOfFirst = (c: SseConnection) =>
      ([...c.events].reverse().find((e) => e.event === 'presence')?.data?.present ?? []).find(
        (p: { tab: string }) => p.tab === 'tab-bulk-000000',
      )?.view as string | undefined;
    await reader.until('the reader has the 400 tabs', (c) => viewOfFirst(c) === 'map', 30_000);
    let flips = 0;
    const flip = async () => {
      flips += 1;
      const view = `view${flips}`;
      await store.accounts.putPresence(tab(0, view), now());
      await reader.until(`the reader gets list ${flips}`, (c) => viewOfFirst(c) === view, 30_000);
    };
    while (drops.length === 0 && flips < 500) await flip();

    expect(drops).toHaveLength(1);
    const unsent = Number(/^(\d+) bytes unsent, more than (\d+)$/.exec(drops[0]!)?.[1]);
    expect(unsent).toBeGreaterThan(BOUND);
    expect(unsent).toBeLessThan(BOUND + 64 * 1024); // the bound plus the one event that passed it
    await until('the server forgot the dropped stream', async () => eventsOf(app)!.size === 1);

    // The reader goes on; the dropped client, reading again, gets what the kernel held, then the end.
    await flip();
    await flip();
    let received = '';
    let closed = false;
    paused.setEncoding('utf8');
    paused.on('data', (chunk: string) => {
      received += chunk;
    });
    paused.on('close', () => {
      closed = true;
    });
    paused.on('error', () => {});
    paused.resume();
    await until('the dropped stream is closed', async () => closed, 30_000);
    const presenceEvents = (text: string) => text.split('event: presence\n').length - 1;
    const got = reader.events.filter((e) => e.event === 'presence').length;
    expect(presenceEvents(received)).toBeGreaterThan(0);
    expect(presenceEvents(received)).toBeLessThan(got - 1);
    expect(received).not.toContain('"view":"view' + flips + '"');
    expect(reader.ended).toBe(false);
  }, 120_000);
});

describe('two app instances on one store', () => {
  test('when a flow is changed through instance A, then a stream open on instance B gets it', async () => {
    await start();
    const b = createApp({ store });
    const serverB = await listen(b);
    try {
      const onB = await ready('viewer', { url: serverB.url });
      await note('xa-f2', 'through A');
      const e = await onB.waitFor((x) => x.event === 'change' && x.data.key === 'xa-f2');
      expect(e.data.actor).toBe('editor');
      onB.close();
    } finally {
      eventsOf(b)?.close();
      await serverB.close();
    }
  });
});

describe('presence', () => {
  const lastPresence = (c: SseConnection) =>
    [...c.events].reverse().find((e) => e.event === 'presence')?.data as
      | {
          present: {
            tab: string;
            username: string;
            role: string;
            country: string | null;
            view: string;
            editing: unknown;
          }[];
        }
      | undefined;
  const here = (who: string, body: Record<string, unknown>, on = app) =>
    request(on).post('/api/presence').set('Cookie', cookies[who]!).send(body);

  test('when a tab says what it shows, edits and closes, then every stream gets who is where (username and role only), and GET /api/presence agrees', async () => {
    await start({ presenceMs: 50 });
    const admin = await ready('admin');
    await admin.until('the first presence list', (c) => lastPresence(c) !== undefined);
    expect(lastPresence(admin)!.present).toEqual([]);

    await here('viewer', { tab: 'tab-viewer-1', country: 'XA', view: 'map', editing: null }).expect(200);
    await admin.until('the viewer is there', (c) => lastPresence(c)?.present.length === 1);
    expect(lastPresence(admin)!.present).toEqual([
      { tab: 'tab-viewer-1', username: 'viewer', role: 'viewer', country: 'XA', view: 'map', editing: null },
    ]);

    await here('editor', {
      tab: 'tab-editor-1',
      country: 'XA',
      view: 'map',
      editing: { kind: 'flow', key: 'xa-f1' },
    }).expect(200);
    await admin.until('the editor is there', (c) => lastPresence(c)?.present.length === 2);
    expect(lastPresence(admin)!.present.find((p) => p.username === 'editor')!.editing).toEqual({
      kind: 'flow',
      key: 'xa-f1',
    });
    const listed = (await request(app).get('/api/presence').set('Cookie', cookies.viewer!).expect(200)).body;
    expect(listed.present.map((p: { username: string }) => p.username)).toEqual(['editor', 'viewer']);
    expect(Object.keys(listed.present[0]).sort()).toEqual(['country', 'editing', 'role', 'tab', 'username', 'view']);

    // A new stream gets the list as it is, after ready.
    const late = await ready('ncp-xa');
    await late.until('the list', (c) => lastPresence(c)?.present.length === 2);

    await request(app).delete('/api/presence/tab-viewer-1').set('Cookie', cookies.viewer!).expect(200);
    await admin.until('the viewer has gone', (c) => lastPresence(c)?.present.length === 1);
    // Another session cannot end someone else's tab: the editor's tab id sent by the viewer ends nothing.
    await request(app).delete('/api/presence/tab-editor-1').set('Cookie', cookies.viewer!).expect(200);
    const after = (await request(app).get('/api/presence').set('Cookie', cookies.admin!).expect(200)).body;
    expect(after.present.map((p: { username: string }) => p.username)).toEqual(['editor']);
  });

  test('when a tab stops saying it is there, then its presence ends by itself', async () => {
    await start({ presenceMs: 50, presenceTtlMs: 400 });
    const admin = await ready('admin');
    await here('editor', { tab: 'tab-editor-2', country: 'XB', view: 'gaps', editing: null }).expect(200);
    await admin.until('the editor is there', (c) => lastPresence(c)?.present.length === 1);
    await admin.until('the editor has gone', (c) => lastPresence(c)?.present.length === 0);
  });

  test("when a user signs out, or its sessions are ended (its password changed or reset, its account removed), then its tabs leave the others' presence at once", async () => {
    // Entries last 10 minutes here: only the end of the session can take them off within the deadlines.
    await start({ presenceMs: 50, presenceTtlMs: 600_000 });
    const admin = await ready('admin');
    const names = (c: SseConnection) => (lastPresence(c)?.present ?? []).map((p) => `${p.username}:${p.tab}`).sort();
    const editorAgain = await loginCookie(app, 'editor'); // a second session of the editor's
    await here('editor', { tab: 'tab-editor-s1', country: 'XA', view: 'map', editing: null }).expect(200);
    await request(app)
      .post('/api/presence')
      .set('Cookie', editorAgain)
      .send({ tab: 'tab-editor-s2', country: 'XB', view: 'map', editing: null })
      .expect(200);
    await here('viewer', { tab: 'tab-viewer-s1', country: 'XA', view: 'gaps', editing: null }).expect(200);
    await here('ncp-xa', { tab: 'tab-ncp-xa-s1', country: 'XA', view: 'ncp', editing: null }).expect(200);
    await here('ncp-xb', { tab: 'tab-ncp-xb-s1', country: 'XB', view: 'ncp', editing: null }).expect(200);
    const everyone = [
      'editor:tab-editor-s1',
      'editor:tab-editor-s2',
      'ncp-xa:tab-ncp-xa-s1',
      'ncp-xb:tab-ncp-xb-s1',
      'viewer:tab-viewer-s1',
    ];
    await admin.until('everyone is there', (c) => names(c).join() === everyone.join());

    // Signing out ends that session's tabs, not the user's other session's.
    await request(app).post('/api/auth/logout').set('Cookie', editorAgain).expect(200);
    await admin.until('the signed-out tab has gone', (c) => !names(c).includes('editor:tab-editor-s2'));
    expect(names(admin)).toEqual(everyone.filter((n) => n !== 'editor:tab-editor-s2'));

    // Changing one's own password ends one's other sessions: a new session's tab goes, the one that changed it stays.
    const editorThird = await loginCookie(app, 'editor');
    await request(app)
      .post('/api/presence')
      .set('Cookie', editorThird)
      .send({ tab: 'tab-editor-s3', country: 'XB', view: 'map', editing: null })
      .expect(200);
    await admin.until('the third tab is there', (c) => names(c).includes('editor:tab-editor-s3'));
    await request(app)
      .post('/api/auth/password')
      .set('Cookie', cookies.editor!)
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'a new password 4567' })
      .expect(200);
    await admin.until('the other session of the editor has gone', (c) => !names(c).includes('editor:tab-editor-s3'));
    expect(names(admin)).toContain('editor:tab-editor-s1');

    // An administrator resetting a password, or removing an account, ends its sessions and their tabs.
    await request(app)
      .put('/api/accounts/viewer')
      .set('Cookie', cookies.admin!)
      .send({ password: 'a reset password 8901' })
      .expect(200);
    await admin.until('the viewer has gone', (c) => !names(c).includes('viewer:tab-viewer-s1'));
    await request(app).delete('/api/accounts/ncp-xa').set('Cookie', cookies.admin!).expect(200);
    await admin.until('the removed NCP has gone', (c) => !names(c).includes('ncp-xa:tab-ncp-xa-s1'));
    expect(names(admin)).toEqual(['editor:tab-editor-s1', 'ncp-xb:tab-ncp-xb-s1']);
    const listed = (await request(app).get('/api/presence').set('Cookie', cookies.admin!).expect(200)).body;
    expect(listed.present.map((p: { tab: string }) => p.tab).sort()).toEqual(['tab-editor-s1', 'tab-ncp-xb-s1']);
  }, 60_000);

  test('when the input is wrong, then 400 names the field and nothing is stored', async () => {
    await start();
    for (const [body, field] of [
      [{ tab: 'short', country: 'XA', view: 'map', editing: null }, 'tab'],
      [{ tab: 'tab-ok-123', country: 'xa', view: 'map', editing: null }, 'country'],
      [{ tab: 'tab-ok-123', country: 'XA', view: 'Map!', editing: null }, 'view'],
      [{ tab: 'tab-ok-123', country: 'XA', view: 'map', editing: { kind: 'person', key: 'x' } }, 'editing'],
      [{ tab: 'tab-ok-123', country: 'XA', view: 'map', editing: null, password: 'x' }, ''],
    ] as const) {
      const res = await here('editor', body).expect(400);
      expect(JSON.stringify(res.body.error.problems)).toContain(field);
    }
    await request(app)
      .post('/api/presence')
      .send({ tab: 'tab-ok-123', country: 'XA', view: 'map', editing: null })
      .expect(401);
    expect((await request(app).get('/api/presence').set('Cookie', cookies.admin!).expect(200)).body.present).toEqual(
      [],
    );
  });

  test('when a tab says it is there through instance A, then a stream on instance B gets it', async () => {
    await start({ presenceMs: 50 });
    const b = createApp({ store, events: { presenceMs: 50 } });
    const serverB = await listen(b);
    try {
      const onB = await ready('admin', { url: serverB.url });
      await here('viewer', { tab: 'tab-viewer-ab', country: 'XA', view: 'ncp', editing: null }).expect(200);
      await onB.until('the viewer on B', (c) => lastPresence(c)?.present.some((p) => p.username === 'viewer') === true);
      onB.close();
    } finally {
      eventsOf(b)?.close();
      await serverB.close();
    }
  });
});
