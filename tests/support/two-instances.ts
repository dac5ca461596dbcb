// The checks of issue 11 point 2 for two app instances on one store (two apps over one embedded store, or two
// apps with a driver each on one Neo4j): a write through A is seen through A at once and through B soon; a
// session started on A works on B; signing out on A, or removing the account on A, ends the session on B
// within the session cache time (polled, never timed); a demoted account cannot write even while its session
// is cached. `open` gives two stores on one database, holding the small test map; `close` ends them.
import express from 'express';
import request from 'supertest';
import { createApp } from '../../server/app';
import type { GraphStore } from '../../server/store/port';
import { createTestAccount, loginCookie } from './auth';

export interface TwoStores {
  stores: readonly [GraphStore, GraphStore];
  close(): Promise<void>;
}

/** Asks `check` until it says yes; fails after `deadlineMs` (generous: the claim is a few seconds at most). */
export async function until(what: string, check: () => Promise<boolean>, deadlineMs = 15_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (await check()) return;
    if (Date.now() - started > deadlineMs) throw new Error(`${what}: still not so after ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function twoInstancesSuite(name: string, open: () => Promise<TwoStores>, timeoutMs = 60_000): void {
  describe(`two app instances on one store (${name})`, () => {
    let opened: TwoStores;
    let a: express.Express;
    let b: express.Express;

    beforeEach(async () => {
      opened = await open();
      // The default session cache (2 s): what the claims must hold with.
      a = createApp({ store: opened.stores[0] });
      b = createApp({ store: opened.stores[1] });
      await createTestAccount(opened.stores[0], { role: 'admin' });
      await createTestAccount(opened.stores[0], { role: 'editor' });
    }, timeoutMs);
    afterEach(() => opened.close());

    const me = (app: express.Express, cookie: string) => request(app).get('/api/auth/me').set('Cookie', cookie);

    test(
      'when a flow is changed through A, then A shows it at once and B shows it soon after',
      async () => {
        const editor = await loginCookie(a, 'editor');
        const flow = (await request(b).get('/api/flows/xa-f2').set('Cookie', editor).expect(200)).body;
        await request(b).get('/api/graph?country=XA').set('Cookie', editor).expect(200); // B has it cached
        await request(a)
          .put('/api/flows/xa-f2')
          .set('Cookie', editor)
          .send({ ...flow, note: 'changed on A' })
          .expect(200);
        const noteOn = async (app: express.Express) => {
          const graph = (await request(app).get('/api/graph?country=XA').set('Cookie', editor).expect(200)).body;
          return graph.flows.find((f: { id: string }) => f.id === 'xa-f2').note as string | undefined;
        };
        expect(await noteOn(a)).toBe('changed on A');
        expect((await request(a).get('/api/flows/xa-f2').set('Cookie', editor).expect(200)).body.note).toBe(
          'changed on A',
        );
        await until('B shows the change', async () => (await noteOn(b)) === 'changed on A');
      },
      timeoutMs,
    );

    test(
      'when a session is started on A, then it works on B, for reads and writes',
      async () => {
        const editor = await loginCookie(a, 'editor');
        expect((await me(b, editor).expect(200)).body.user).toMatchObject({ username: 'editor', role: 'editor' });
        const flow = (await request(b).get('/api/flows/xa-f2').set('Cookie', editor).expect(200)).body;
        await request(b)
          .put('/api/flows/xa-f2')
          .set('Cookie', editor)
          .send({ ...flow, note: 'changed on B' })
          .expect(200);
      },
      timeoutMs,
    );

    test(
      'when the user signs out on A, then the session ends on A at once and on B soon after',
      async () => {
        const editor = await loginCookie(a, 'editor');
        await me(b, editor).expect(200); // B has the session cached
        await request(a).post('/api/auth/logout').set('Cookie', editor).expect(200);
        await me(a, editor).expect(401);
        await until('the session ends on B', async () => (await me(b, editor)).status === 401);
        // A write through B is refused at once, cache or not.
        const flow = (
          await request(b)
            .get('/api/flows/xa-f2')
            .set('Cookie', await loginCookie(b, 'editor'))
            .expect(200)
        ).body;
        await request(b)
          .put('/api/flows/xa-f2')
          .set('Cookie', editor)
          .send({ ...flow, note: 'after sign-out' })
          .expect(401);
      },
      timeoutMs,
    );

    test(
      'when the account is removed on A, then its sessions end on A at once and on B soon after, and B refuses its writes at once',
      async () => {
        const admin = await loginCookie(a, 'admin');
        const editor = await loginCookie(b, 'editor');
        await me(a, editor).expect(200);
        const flow = (await request(b).get('/api/flows/xa-f2').set('Cookie', editor).expect(200)).body; // cached on B
        await request(a).delete('/api/accounts/editor').set('Cookie', admin).expect(200);
        await me(a, editor).expect(401);
        await request(b)
          .put('/api/flows/xa-f2')
          .set('Cookie', editor)
          .send({ ...flow, note: 'by a removed account' })
          .expect(401);
        await until('the session ends on B', async () => (await me(b, editor)).status === 401);
        expect((await request(b).get('/api/flows/xa-f2').set('Cookie', admin).expect(200)).body.note).toBe(flow.note);
      },
      timeoutMs,
    );

    test(
      'when an editor is demoted to viewer on A while its session is cached on B, then B refuses its writes at once',
      async () => {
        const admin = await loginCookie(a, 'admin');
        const editor = await loginCookie(b, 'editor');
        const flow = (await request(b).get('/api/flows/xa-f2').set('Cookie', editor).expect(200)).body; // cached on B
        expect((await me(b, editor).expect(200)).body.user.role).toBe('editor');
        await request(a).put('/api/accounts/editor').set('Cookie', admin).send({ role: 'viewer' }).expect(200);
        expect((await me(a, editor).expect(200)).body.user.role).toBe('viewer');
        await request(b)
          .put('/api/flows/xa-f2')
          .set('Cookie', editor)
          .send({ ...flow, note: 'by a viewer' })
          .expect(403);
        await request(b).delete('/api/flows/xa-f2').query({ version: flow.version }).set('Cookie', editor).expect(403);
        await until('B reads the new role', async () => (await me(b, editor).expect(200)).body.user.role === 'viewer');
        expect((await request(a).get('/api/flows/xa-f2').set('Cookie', admin).expect(200)).body.note).toBe(flow.note);
      },
      timeoutMs,
    );
  });
}
