// The change feed (issue 15 points 1, 3, 4) across two app instances, each with its own driver, on one real Neo4j: a
// change or a delete made through A reaches a stream open on B, a client reconnecting to A with Last-Event-ID gets
// what was changed through B meanwhile, in order, and a tab's presence said through A reaches B, and its leaving (the
// tab closing, or its session signing out).
// The database is wiped first: runs only on the Neo4j this test run started.
import request from 'supertest';
import { createApp, eventsOf } from '../../server/app';
import type { GraphStore } from '../../server/store/port';
import { catalogue } from '../support/catalogue';
import { smallMap } from '../support/small-map';
import { createTestAccount, loginCookie } from '../support/auth';
import { listen, openEvents, type Listening, type SseConnection } from '../support/sse-client';
import { onWipeableNeo4j, twoStoresOnWipedNeo4j } from '../support/test-neo4j';

onWipeableNeo4j((settings) => {
  describe('the change feed across two app instances on one Neo4j', () => {
    let pair: { stores: [GraphStore, GraphStore]; close(): Promise<void> };
    let apps: [ReturnType<typeof createApp>, ReturnType<typeof createApp>];
    let servers: Listening[] = [];
    const conns: SseConnection[] = [];

    beforeEach(async () => {
      pair = await twoStoresOnWipedNeo4j(settings);
      await pair.stores[0].ensureCatalogue(catalogue, 'test');
      await pair.stores[0].importDocument(smallMap(), { mode: 'merge', actor: 'test' });
      // A tab's presence lasts 2 minutes here: within the deadlines, only what a test does takes it off.
      const events = { presenceTtlMs: 120_000 };
      apps = [createApp({ store: pair.stores[0], events }), createApp({ store: pair.stores[1], events })];
      servers = [await listen(apps[0]), await listen(apps[1])];
      await createTestAccount(pair.stores[0], { role: 'editor' });
      await createTestAccount(pair.stores[0], { role: 'viewer' });
    }, 120_000);
    afterEach(async () => {
      for (const c of conns.splice(0)) c.close();
      for (const app of apps) eventsOf(app)?.close();
      for (const s of servers) await s.close();
      await pair.close();
    });

    async function note(app: ReturnType<typeof createApp>, cookie: string, key: string, text: string): Promise<void> {
      const flow = (await request(app).get(`/api/flows/${key}`).set('Cookie', cookie).expect(200)).body;
      await request(app)
        .put(`/api/flows/${key}`)
        .set('Cookie', cookie)
        .send({ ...flow, note: text })
        .expect(200);
    }

    async function ready(url: string, cookie: string, headers: Record<string, string> = {}): Promise<SseConnection> {
      const conn = await openEvents(url, { cookie, headers });
      conns.push(conn);
      await conn.waitFor((e) => e.event === 'ready', 'the stream is ready', 30_000);
      return conn;
    }

    const changes = (c: SseConnection) => c.events.filter((e) => e.event === 'change');

    test('when a flow is changed through A, then a stream on B gets it; a client resuming on A gets what changed through B', async () => {
      const editorA = await loginCookie(apps[0], 'editor');
      const viewerB = await loginCookie(apps[1], 'viewer');
      const onB = await ready(servers[1]!.url, viewerB);
      await note(apps[0], editorA, 'xa-f2', 'through A');
      const e = await onB.waitFor((x) => x.event === 'change' && x.data.key === 'xa-f2', 'B gets the change', 30_000);
      expect(e.data).toMatchObject({ kind: 'flow', action: 'update', actor: 'editor', countries: ['XA'] });

      const editorB = await loginCookie(apps[1], 'editor');
      const onA = await ready(servers[0]!.url, editorA);
      const last = onA.events.find((x) => x.event === 'ready')!.id!;
      onA.close();
      await note(apps[1], editorB, 'xa-f1', 'through B 1');
      await note(apps[1], editorB, 'xb-f1', 'through B 2');
      const resumed = await ready(servers[0]!.url, editorA, { 'Last-Event-ID': last });
      expect(changes(resumed).map((x) => x.data.key)).toEqual(['xa-f1', 'xb-f1']);
      await onB.until(
        'B got both too',
        (c) => ['xa-f1', 'xb-f1'].every((k) => changes(c).some((x) => x.data.key === k)),
        30_000,
      );
    }, 180_000);

    test('when a flow is deleted and a tab says it is there through A, then a stream on B gets the delete and the presence; the tab leaving or going quiet takes it off', async () => {
      const editorA = await loginCookie(apps[0], 'editor');
      const viewerB = await loginCookie(apps[1], 'viewer');
      const onB = await ready(servers[1]!.url, viewerB);
      const flow = (await request(apps[0]).get('/api/flows/xa-f2').set('Cookie', editorA).expect(200)).body;
      await request(apps[0]).delete(`/api/flows/xa-f2?version=${flow.version}`).set('Cookie', editorA).expect(200);
      const deleted = await onB.waitFor(
        (x) => x.event === 'change' && x.data.key === 'xa-f2' && x.data.action === 'delete',
        'B gets the delete',
        30_000,
      );
      expect(deleted.data).toMatchObject({ kind: 'flow', actor: 'editor' });

      const present = (c: SseConnection) =>
        ([...c.events].reverse().find((x) => x.event === 'presence')?.data?.present ?? []) as { username: string }[];
      await request(apps[0])
        .post('/api/presence')
        .set('Cookie', editorA)
        .send({ tab: 'tab-neo4j-a1', country: 'XA', view: 'map', editing: { kind: 'flow', key: 'xa-f1' } })
        .expect(200);
      await onB.until('B sees the editor', (c) => present(c).some((p) => p.username === 'editor'), 30_000);
      expect(present(onB)).toEqual([
        {
          tab: 'tab-neo4j-a1',
          username: 'editor',
          role: 'editor',
          country: 'XA',
          view: 'map',
          editing: { kind: 'flow', key: 'xa-f1' },
        },
      ]);
      await request(apps[0]).delete('/api/presence/tab-neo4j-a1').set('Cookie', editorA).expect(200);
      await onB.until('the editor left', (c) => present(c).length === 0, 30_000);

      // Signing out on A ends that session's presence at once (not when it expires).
      await request(apps[0])
        .post('/api/presence')
        .set('Cookie', editorA)
        .send({ tab: 'tab-neo4j-a2', country: 'XB', view: 'gaps', editing: null })
        .expect(200);
      await onB.until('B sees the editor again', (c) => present(c).some((p) => p.username === 'editor'), 30_000);
      await request(apps[0]).post('/api/auth/logout').set('Cookie', editorA).expect(200);
      await onB.until('the signed-out editor left', (c) => present(c).length === 0, 30_000);
    }, 180_000);
  });
});
