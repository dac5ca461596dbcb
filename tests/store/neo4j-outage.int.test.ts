// Outages of Neo4j, on a Neo4j this file starts itself (never the test run's shared one): while it is down,
// health answers 503 and requests 503 store_unavailable with Retry-After; restarted on the same port and
// data folder, the app serves again by itself with every acknowledged write kept; an app started while
// Neo4j is down answers 503, then serves once Neo4j is up. Polls with generous deadlines, never times.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type express from 'express';
import request from 'supertest';
import { createApp } from '../../server/app';
import { startStore, type StartedStore } from '../../server/store';
import { createTestAccount, loginCookie, withCookie } from '../support/auth';
import { catalogue } from '../support/catalogue';
import { OwnNeo4j } from '../support/own-neo4j';
import { ContractChecker, exchange } from '../support/openapi-contract';
import { noNeo4jTest } from '../support/test-neo4j';

const DEADLINE_MS = 90_000;

/** Asks `probe` every 200 ms until it returns true; fails after `deadlineMs`, saying what was last seen. */
async function until(what: string, probe: () => Promise<boolean | string>, deadlineMs = DEADLINE_MS): Promise<void> {
  const end = Date.now() + deadlineMs;
  let last: boolean | string = false;
  while (Date.now() < end) {
    last = await probe();
    if (last === true) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what}: not within ${deadlineMs / 1000} s (last seen: ${String(last)})`);
}

interface Running {
  started: StartedStore;
  raw: express.Express;
  dataDir: string;
}

/** The app in-process on the store of `neo`, started in the background as `npm start` does (not awaited). */
async function startApp(neo: OwnNeo4j): Promise<Running> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-outage-'));
  const started = await startStore(
    { dataDir, neo4j: { uri: neo.uri, user: 'neo4j', password: '', database: 'neo4j', probeIntervalMs: 200 } },
    {
      retryMs: 200,
      prepare: async (store) => {
        await store.ensureCatalogue(catalogue, 'test');
        await createTestAccount(store, { role: 'admin' });
      },
    },
  );
  return { started, raw: createApp({ store: started.store }), dataDir };
}

async function stopApp(app: Running | undefined): Promise<void> {
  if (!app) return;
  await app.started.store.close();
  fs.rmSync(app.dataDir, { recursive: true, force: true });
}

/** The status of the map of XQ, with its error code and Retry-After. */
async function mapAnswer(app: express.Express): Promise<{ status: number; code?: string; retryAfter?: string }> {
  const res = await request(app).get('/api/graph?country=XQ');
  return { status: res.status, code: res.body?.error?.code, retryAfter: res.headers['retry-after'] };
}

if (process.env.NEO4J_URI) {
  describe('Neo4j outages', () => {
    jest.setTimeout(400_000);
    let neo: OwnNeo4j | undefined;
    let app: Running | undefined;

    afterEach(async () => {
      await stopApp(app);
      app = undefined;
      await neo?.remove();
      neo = undefined;
    });

    test('when Neo4j stops, then health and requests answer 503 with Retry-After; when it is back on the same port and data, then the app serves again with every acknowledged write', async () => {
      neo = await OwnNeo4j.allocate();
      await neo.start();
      app = await startApp(neo);
      await app.started.ready;
      const signedIn = withCookie(app.raw, await loginCookie(app.raw, 'admin'));
      await request(signedIn)
        .post('/api/countries')
        .send({ code: 'XQ', name: 'Q-land', euMember: false, cbssMember: true })
        .expect(201);
      expect((await request(app.raw).get('/api/health')).status).toBe(200);

      // Writes go on while Neo4j stops: each is either acknowledged (201) or refused (503), never anything else.
      const acknowledged: string[] = [];
      const statuses = new Map<number, number>();
      let writing = true;
      const writer = (async () => {
        for (let i = 1; writing && i < 100_000; i += 1) {
          const id = `xq-s${i}`;
          const res = await request(signedIn)
            .post('/api/stakeholders')
            .send({ id, name: `Office ${i}`, country: 'XQ', type: 'ngo' });
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status === 201) acknowledged.push(id);
        }
      })();
      await until('five acknowledged writes', async () => acknowledged.length >= 5 || `${acknowledged.length}`);
      await neo.stop();

      await until('health answers 503', async () => {
        const res = await request(app!.raw).get('/api/health');
        return res.status === 503 || `${res.status}`;
      });
      const health = await request(app.raw).get('/api/health');
      expect(health.status).toBe(503);
      expect(health.body).toEqual({ status: 'unavailable' });
      expect(health.headers['retry-after']).toMatch(/^\d+$/);
      await until('a write is refused with 503', async () => (statuses.get(503) ?? 0) > 0);
      writing = false;
      await writer;
      expect([...statuses.keys()].sort()).toEqual([201, 503]);

      const map = await mapAnswer(signedIn);
      expect(map).toEqual({ status: 503, code: 'store_unavailable', retryAfter: expect.stringMatching(/^\d+$/) });
      const write = await request(signedIn)
        .post('/api/stakeholders')
        .send({ id: 'xq-late', name: 'Late', country: 'XQ', type: 'ngo' });
      expect(write.status).toBe(503);
      expect(write.headers['retry-after']).toMatch(/^\d+$/);
      // The 503s are what the served OpenAPI document says, to an independent validator (tests/support/openapi-contract.ts).
      const checker = await ContractChecker.create((await request(app.raw).get('/api/openapi.json').expect(200)).body);
      const down = [
        await exchange(app.raw, { url: '/api/health' }),
        await exchange(signedIn, { url: '/api/graph?country=XQ' }),
        await exchange(signedIn, {
          method: 'post',
          url: '/api/stakeholders',
          body: { id: 'xq-late2', name: 'Late', country: 'XQ', type: 'ngo' },
        }),
      ];
      expect(down.map((ex) => ex.status)).toEqual([503, 503, 503]);
      expect(down.flatMap((ex) => checker.violations(ex))).toEqual([]);

      await neo.start(); // same port, same data folder
      await until('health answers 200 again', async () => {
        const res = await request(app!.raw).get('/api/health');
        return res.status === 200 || `${res.status}`;
      });
      await until('the map answers 200 again', async () => (await mapAnswer(signedIn)).status === 200);
      const graph = await request(signedIn).get('/api/graph?country=XQ').expect(200);
      const ids = new Set(JSON.stringify(graph.body).match(/xq-s\d+/g) ?? []);
      expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
      for (const id of acknowledged) await request(signedIn).get(`/api/stakeholders/${id}`).expect(200);
    });

    test('when the app starts while Neo4j is down, then it answers 503, and it serves once Neo4j accepts connections', async () => {
      neo = await OwnNeo4j.allocate(); // a port nothing listens on yet
      app = await startApp(neo);
      const health = await request(app.raw).get('/api/health');
      expect(health.status).toBe(503);
      expect(health.headers['retry-after']).toMatch(/^\d+$/);
      const login = await request(app.raw)
        .post('/api/auth/login')
        .send({ username: 'admin', password: 'test password 0123' });
      expect(login.status).toBe(503);
      expect(login.body.error.code).toBe('store_unavailable');
      expect(login.headers['retry-after']).toMatch(/^\d+$/);
      const served = await ContractChecker.create((await request(app.raw).get('/api/openapi.json').expect(200)).body);
      const refused = await exchange(app.raw, {
        method: 'post',
        url: '/api/auth/login',
        body: { username: 'admin', password: 'test password 0123' },
      });
      expect(refused.status).toBe(503);
      expect(served.violations(refused)).toEqual([]);
      expect(app.started.isReady()).toBe(false);

      await neo.start();
      await until('health answers 200', async () => {
        const res = await request(app!.raw).get('/api/health');
        return res.status === 200 || `${res.status}`;
      });
      const signedIn = withCookie(app.raw, await loginCookie(app.raw, 'admin'));
      await request(signedIn)
        .post('/api/countries')
        .send({ code: 'XQ', name: 'Q-land', euMember: false, cbssMember: true })
        .expect(201);
      expect((await mapAnswer(signedIn)).status).toBe(200);
      const reference = await request(signedIn).get('/api/reference').expect(200);
      expect(reference.body.indicators.length).toBe(catalogue.indicators.length);
    });
  });
} else {
  describe('Neo4j outages', () => {
    noNeo4jTest();
  });
}
