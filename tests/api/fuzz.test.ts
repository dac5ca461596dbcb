// Property-based fuzzing (fast-check) of every mutating API route, taken from the router's own route
// table, on the embedded store: random and malformed requests never get a 5xx, a 4xx carries a code and a
// message and no stack, and after a 4xx the store exports exactly what it did before.
import request from 'supertest';
import { apiRoutes } from '../../server/app';
import { CoreGraphStore } from '../../server/store/core';
import { SqliteAdapter } from '../../server/store/sqlite/adapter';
import { catalogue } from '../support/catalogue';
import { smallMap } from '../support/small-map';
import { EXCLUDED, fuzzApps, fuzzRoute, mutatingRoutes, poolOf, routeKey, storeState } from '../support/fuzz-property';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

// The route table does no I/O when it is built: an uninitialised store is enough to read it.
const ROUTES = apiRoutes({ store: new CoreGraphStore(new SqliteAdapter(':memory:')) });
const FUZZED = mutatingRoutes(ROUTES);

/** A fresh store with the small two-country map and one frozen round, the signed-in apps over it, and a pool of its values. */
async function fixture() {
  const store = new CoreGraphStore(new SqliteAdapter(':memory:'));
  await store.init();
  await store.ensureCatalogue(catalogue, 'test');
  await store.importDocument(smallMap(), { mode: 'merge', actor: 'test' });
  const round = await store.freezeRound({ name: 'baseline', country: 'XA', note: 'before the fuzz' }, 'test');
  const apps = await fuzzApps(store, 'fuzz');
  const pool = poolOf(await store.exportDocument({}), 'fuzz', { id: [round.id], code: ['XC'] });
  return { store, pool, ...apps };
}

describe('fuzzing every mutating route (embedded store)', () => {
  test('when the route table is read, then every mutating route is fuzzed or excluded with a reason that names a real route', () => {
    const mutating = ROUTES.filter((r) => ['post', 'put', 'patch', 'delete'].includes(r.method)).map(routeKey);
    const fuzzed = FUZZED.map(routeKey);

    expect(fuzzed.length).toBeGreaterThan(0);
    expect([...fuzzed, ...Object.keys(EXCLUDED)].sort()).toEqual([...mutating].sort());
    for (const [key, reason] of Object.entries(EXCLUDED)) {
      expect(mutating).toContain(key);
      expect(reason.trim().length).toBeGreaterThan(10);
    }
    // Every kind of write is among them: creates, updates, deletes, import, rounds, what-if, sign-in.
    expect(fuzzed).toEqual(
      expect.arrayContaining([
        'POST /stakeholders',
        'PUT /flows/:id',
        'DELETE /memberships/:stakeholder/:network',
        'POST /import',
        'POST /rounds',
        'DELETE /rounds/:id',
        'POST /analysis/what-if',
        'POST /auth/login',
      ]),
    );
  });

  test('when the state the property compares is read, then it holds the whole export, the rounds, the audit trail and the accounts', async () => {
    const { store, reader, own } = await fixture();
    try {
      const state = await storeState(reader);
      expect(JSON.parse(state.export).flows).toHaveLength(smallMap().flows.length);
      expect((state.rounds as { rounds: unknown[] }).rounds).toHaveLength(1);
      expect(state.auditLength).toBe((await store.audit({ limit: 1000 })).length);
      expect(state.storeVersion).toBe(await store.storeVersion());
      expect(JSON.stringify(state.accounts)).toContain(own[0]);
    } finally {
      await store.close();
    }
  });

  test.each(FUZZED.map((r) => [routeKey(r), r] as const))(
    'when %s gets random and malformed requests, then never a 5xx, every 4xx explains itself and changes nothing',
    async (_key, route) => {
      const { store, app, reader, own, pool, lastError } = await fixture();
      try {
        const stats = await fuzzRoute(app, route, pool, {
          numRuns: RUNS,
          reader,
          lastError,
          mayAddress: (key) => !key.some((v) => own.includes(v)),
        });
        // The router took the requests to this route (not "no API route"), and every run sent one.
        expect(stats.routed).toBeGreaterThan(0);
        expect(Object.values(stats.statuses).reduce((a, b) => a + b, 0)).toBe(RUNS);
      } finally {
        await store.close();
      }
    },
    120_000,
  );

  describe('what the fuzz found (now 4xx, not 500)', () => {
    test('when a path parameter has a broken %-escape, then 400 invalid_path', async () => {
      const { store, app } = await fixture();
      try {
        for (const [method, path] of [
          ['put', '/api/stakeholders/%E0%A4%A'],
          ['delete', '/api/rounds/%'],
          ['delete', '/api/memberships/%ZZ/xa-net'],
        ] as const) {
          const res = await request(app)[method](path).send({ version: 1 });
          expect([path, res.status, res.body.error.code]).toEqual([path, 400, 'invalid_path']);
        }
      } finally {
        await store.close();
      }
    });

    test('when a key field is an object with its own toString, then 400 names the field, in a body and in a document', async () => {
      const { store, app } = await fixture();
      try {
        const created = await request(app)
          .post('/api/stakeholders')
          .send({ id: { value: 'xa-x', toString: ['xa-x'] }, name: 'n', country: 'XA', type: 'ngo' })
          .expect(400);
        expect(created.body.error.problems.map((p: { field: string }) => p.field)).toEqual(['id']);
        const doc = {
          formatVersion: 1,
          networks: [{ id: { toString: 1 }, name: 'n', country: 'XA', kind: 'task_force' }],
        };
        const imported = await request(app).post('/api/import').send(doc).expect(400);
        expect(imported.body.error.problems[0]).toMatchObject({ kind: 'network', field: 'id' });
      } finally {
        await store.close();
      }
    });

    test('when a body says it is gzip or deflate and is not, then 400 bad_request', async () => {
      const { store, app } = await fixture();
      try {
        for (const encoding of ['gzip', 'deflate']) {
          const res = await request(app)
            .post('/api/rounds')
            .set('Content-Type', 'application/json')
            .set('Content-Encoding', encoding)
            .send(Buffer.from('{"name":"not compressed"}'));
          expect([encoding, res.status, res.body.error.code]).toEqual([encoding, 400, 'bad_request']);
          expect(res.body.error.message).toContain('Content-Encoding');
        }
      } finally {
        await store.close();
      }
    });

    test('when text holds an unpaired surrogate, which Neo4j would turn into U+FFFD, then 400 names the field', async () => {
      const { store, app } = await fixture();
      try {
        const res = await request(app)
          .post('/api/stakeholders')
          .send({ id: 'xa-x', name: 'a\uD800b', country: 'XA', type: 'ngo' })
          .expect(400);
        expect(res.body.error.problems).toEqual([
          expect.objectContaining({ field: 'name', message: expect.stringMatching(/valid Unicode/) }),
        ]);
        const round = await request(app).post('/api/rounds').send({ name: 'r', note: '\uDFFF' }).expect(400);
        expect(round.body.error.problems.map((p: { field: string }) => p.field)).toEqual(['note']);
      } finally {
        await store.close();
      }
    });
  });
});
