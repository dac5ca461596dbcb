// Concurrent writes, written once and run on each store (SQLite in tests/api/concurrency.test.ts, a real
// Neo4j in tests/store/concurrency.int.test.ts), through two app instances over one database. Each test is a
// schedule of concurrent steps with the outcome every interleaving must give (STYLE.md, Concurrency): at most
// one write accepted per item and expected version, every accepted write a version of its own, the final
// version counting them all, no 5xx, no existing flow ever answering 404, the NCP scope and the current
// password checked inside the write, and the sign-in lock-out counted across instances.
import request from 'supertest';
import type express from 'express';
import { createApp } from '../../server/app';
import type { Clock } from '../../server/auth/clock';
import { ForbiddenError } from '../../server/errors';
import { EntityService } from '../../server/services/entities';
import { importDocumentAs } from '../../server/services/imports';
import { RoundsService } from '../../server/services/rounds';
import type { GraphStore } from '../../server/store/port';
import { catalogue } from '../support/catalogue';
import { smallMap } from '../support/small-map';
import { TEST_PASSWORD, createTestAccount, loginCookie, signedIn, withCookie } from '../support/auth';

/** Two stores on one database (the same store object where the store is one process's, as SQLite is). */
export interface StorePair {
  stores: [GraphStore, GraphStore];
  close(): Promise<void>;
}

/** Sign-in delays pass at once, so that the lock-out test counts failures without waiting them out. */
const instantClock: Clock = { now: () => new Date(), sleep: async () => {} };

const CLIENTS = 12;
const ROUNDS = 6;

type Body = Record<string, unknown>;

function entityOf(body: Body): Body {
  const { version: _v, updatedAt: _a, updatedBy: _b, ...entity } = body;
  return entity;
}

export function concurrencySuite(name: string, open: () => Promise<StorePair>): void {
  describe(`${name}: concurrent writes through two app instances`, () => {
    let pair: StorePair;
    let raw: [express.Express, express.Express];
    /** An editor signed in on each instance (one session, made on the first, used on both). */
    let editor: [express.Express, express.Express];
    let admin: [express.Express, express.Express];

    beforeAll(async () => {
      pair = await open();
      const [a] = pair.stores;
      await a.ensureCatalogue(catalogue, 'test');
      await a.importDocument(smallMap(), { mode: 'merge', actor: 'test' });
      raw = [
        createApp({ store: pair.stores[0], clock: instantClock }),
        createApp({ store: pair.stores[1], clock: instantClock }),
      ];
      const editorA = await signedIn(raw[0], a, { role: 'editor', username: 'conc-editor' });
      editor = [editorA, withCookie(raw[1], await loginCookie(raw[0], 'conc-editor'))];
      admin = [
        await signedIn(raw[0], a, { role: 'admin', username: 'conc-admin' }),
        await signedIn(raw[1], a, { role: 'admin', username: 'conc-admin' }),
      ];
    });
    afterAll(async () => {
      await pair?.close();
    });

    // Flows and reporting lines are relationships on Neo4j, updated in place (never deleted and created again).
    const EDGES = [
      // Every write changes what was read (a write that changes nothing is answered with the item as it is, unversioned).
      {
        what: 'flow',
        path: '/api/flows/xa-f1',
        kind: 'flow',
        key: 'xa-f1',
        change: (client: number, round: number, _read: Body) => ({ note: `client ${client} round ${round}` }),
      },
      {
        what: 'reporting line',
        path: '/api/reporting-lines/xa-r1',
        kind: 'reportingLine',
        key: 'xa-r1',
        change: (client: number, _round: number, read: Body) => {
          const kinds = ['hierarchy', 'supervision', 'funding', 'mandate'];
          return { kind: kinds[(kinds.indexOf(read.kind as string) + 1 + (client % 3)) % 4] };
        },
      },
    ];
    test.each(EDGES)(
      'when many clients read and write one $what back on two instances, then no accepted write is lost and it never goes missing',
      async ({ path, kind, key, change }) => {
        const start = (await request(editor[0]).get(path).expect(200)).body.version as number;
        const statuses: number[] = [];
        const accepted: Array<{ sent: number; got: number }> = [];
        await Promise.all(
          Array.from({ length: CLIENTS }, async (_, client) => {
            const app = editor[client % 2]!;
            for (let round = 0; round < ROUNDS; round++) {
              const read = await request(app).get(path);
              statuses.push(read.status);
              if (read.status !== 200) continue;
              const res = await request(app)
                .put(path)
                .set('If-Match', `"${read.body.version}"`)
                .send({ ...entityOf(read.body), ...change(client, round, read.body as Body) });
              statuses.push(res.status);
              if (res.status === 200) accepted.push({ sent: read.body.version, got: res.body.version });
            }
          }),
        );
        expect(statuses.filter((s) => s !== 200 && s !== 409)).toEqual([]);
        expect(accepted.length).toBeGreaterThan(0);
        // At most one write accepted per expected version, each returning the next version.
        expect(new Set(accepted.map((a) => a.sent)).size).toBe(accepted.length);
        for (const a of accepted) expect(a.got).toBe(a.sent + 1);
        const final = (await request(editor[1]).get(path).expect(200)).body;
        expect(final.version).toBe(start + accepted.length);
        // The audit trail holds every accepted write, each starting where the one before ended.
        const trail = (await request(admin[0]).get(`/api/audit?kind=${kind}&limit=500`).expect(200)).body.entries
          .filter((e: Body) => e.key === key && e.action === 'update')
          .reverse()
          .slice(-accepted.length) as Body[];
        expect(trail).toHaveLength(accepted.length);
        for (let i = 1; i < trail.length; i++) expect(trail[i]!.before).toEqual(trail[i - 1]!.after);
        const { version: _v, updatedAt: _a, updatedBy: _b, ...stored } = final;
        expect(trail[trail.length - 1]!.after).toMatchObject(stored);
      },
    );

    test('when two PUTs send the same version at once, then one is accepted and the other gets 409, every time', async () => {
      for (let i = 0; i < 8; i++) {
        const read = (await request(editor[0]).get('/api/flows/xa-f2').expect(200)).body;
        const results = await Promise.all(
          editor.map((app, k) =>
            request(app)
              .put('/api/flows/xa-f2')
              .send({ ...read, note: `pair ${i} side ${k}` }),
          ),
        );
        expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
        const winner = results.find((r) => r.status === 200)!.body;
        const loser = results.find((r) => r.status === 409)!.body;
        expect(winner.version).toBe(read.version + 1);
        expect(loser.error.code).toBe('version_conflict');
        expect((await request(editor[1]).get('/api/flows/xa-f2').expect(200)).body).toEqual(winner);
      }
    });

    test('when a delete and an update send the same version at once, then exactly one of them is accepted', async () => {
      for (let i = 0; i < 6; i++) {
        const id = `xa-conc-${i}`;
        const created = (
          await request(editor[0])
            .post('/api/flows')
            .send({
              id,
              from: 'xa-police',
              to: 'xa-ngo',
              indicators: ['VIC-01'],
              basis: 'informal',
            })
            .expect(201)
        ).body;
        const [del, put] = await Promise.all([
          request(editor[i % 2]!).delete(`/api/flows/${id}?version=${created.version}`),
          request(editor[(i + 1) % 2]!)
            .put(`/api/flows/${id}`)
            .send({ ...created, note: 'edited meanwhile' }),
        ]);
        const ok = [del, put].filter((r) => r.status < 300);
        expect(ok).toHaveLength(1);
        expect([del.status, put.status].every((s) => s < 300 || s === 404 || s === 409)).toBe(true);
        const after = await request(editor[0]).get(`/api/flows/${id}`);
        if (del.status < 300) {
          expect(after.status).toBe(404);
        } else {
          expect(after.status).toBe(200);
          expect(after.body).toMatchObject({ note: 'edited meanwhile', version: created.version + 1 });
          expect(del.body.error.code).toBe('version_conflict');
        }
      }
    });

    test('when an import (merge) and a form edit change one flow at once, then both are applied in turn or one is refused, never lost', async () => {
      for (let i = 0; i < 6; i++) {
        const read = (await request(editor[0]).get('/api/flows/xb-f1').expect(200)).body;
        const doc = smallMap();
        doc.flows = doc.flows.filter((f) => f.id === 'xb-f1').map((f) => ({ ...f, note: `import ${i}` }));
        for (const k of [
          'stakeholders',
          'datasets',
          'reportingLines',
          'networks',
          'memberships',
          'interviews',
        ] as const)
          doc[k] = [];
        const [imported, edited] = await Promise.all([
          request(admin[i % 2]!)
            .post('/api/import')
            .send(doc),
          request(editor[(i + 1) % 2]!)
            .put('/api/flows/xb-f1')
            .send({ ...read, latencyDays: 100 + i }),
        ]);
        expect([imported.status, edited.status].filter((s) => s >= 500)).toEqual([]);
        expect(imported.status).toBe(200);
        const importChanged = (imported.body.updated?.flow ?? 0) as number;
        const editAccepted = edited.status === 200 ? 1 : 0;
        if (!editAccepted) expect(edited.status).toBe(409);
        const final = (await request(editor[1]).get('/api/flows/xb-f1').expect(200)).body;
        expect(final.version).toBe(read.version + importChanged + editAccepted);
        expect(final.note).toBe(`import ${i}`);
        const entries = (await request(admin[0]).get('/api/audit?kind=flow&limit=20').expect(200)).body.entries
          .filter((e: Body) => e.key === 'xb-f1')
          .slice(0, importChanged + editAccepted)
          .reverse() as Body[];
        expect(entries).toHaveLength(importChanged + editAccepted);
        expect((entries[0]!.before as Body).note).toBe(read.note);
        for (let k = 1; k < entries.length; k++) expect(entries[k]!.before).toEqual(entries[k - 1]!.after);
      }
    });

    test('when the same password change is sent on both instances at once, then one succeeds and the other is refused', async () => {
      const username = 'conc-pw';
      await createTestAccount(pair.stores[0], { role: 'viewer', username });
      const sessions = [await loginCookie(raw[0], username), await loginCookie(raw[1], username)];
      const changes = await Promise.all(
        raw.map((app, k) =>
          request(app)
            .post('/api/auth/password')
            .set('Cookie', sessions[k]!)
            .send({ currentPassword: TEST_PASSWORD, newPassword: `new password number ${k}` }),
        ),
      );
      const statuses = changes.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s !== 200).every((s) => s === 400 || s === 401)).toBe(true);
      const winner = statuses.indexOf(200);
      await request(raw[1 - winner]!)
        .post('/api/auth/login')
        .send({ username, password: `new password number ${winner}` })
        .expect(200);
      await request(raw[winner]!)
        .post('/api/auth/login')
        .send({ username, password: `new password number ${1 - winner}` })
        .expect(401);
      await request(raw[0]).post('/api/auth/login').send({ username, password: TEST_PASSWORD }).expect(401);
    });

    test('when wrong passwords are spread over two instances, then the username is locked after 10, as on one', async () => {
      const username = 'conc-lock';
      await createTestAccount(pair.stores[0], { role: 'viewer', username });
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) {
        statuses.push(
          (
            await request(raw[i % 2]!)
              .post('/api/auth/login')
              .send({ username, password: `wrong guess ${i}` })
          ).status,
        );
      }
      expect(statuses).toEqual(Array(10).fill(401));
      for (const app of raw) {
        const locked = await request(app).post('/api/auth/login').send({ username, password: TEST_PASSWORD });
        expect(locked.status).toBe(429);
        expect(locked.headers['retry-after']).toBeDefined();
      }
    });

    test('when ten wrong passwords arrive on two instances at once, then no more than ten are checked before the lock', async () => {
      const username = 'conc-lock-burst';
      await createTestAccount(pair.stores[0], { role: 'viewer', username });
      const results = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          request(raw[i % 2]!)
            .post('/api/auth/login')
            .send({ username, password: `burst ${i}` }),
        ),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(10);
      expect(statuses.filter((s) => s === 429)).toHaveLength(6);
    });

    test('when imports change a stakeholder and a flow together while others read, then every read sees both or neither', async () => {
      const [a, b] = pair.stores;
      const doc = smallMap();
      const writes = (async () => {
        for (let n = 0; n < 15; n++) {
          await a.importDocument(
            {
              ...doc,
              datasets: [],
              reportingLines: [],
              networks: [],
              memberships: [],
              interviews: [],
              stakeholders: doc.stakeholders
                .filter((s) => s.id === 'xa-ngo')
                .map((s) => ({ ...s, description: `step ${n}` })),
              flows: doc.flows.filter((f) => f.id === 'xa-f2').map((f) => ({ ...f, note: `step ${n}` })),
            },
            { mode: 'merge', actor: 'conc-admin' },
          );
        }
      })();
      const seen: string[] = [];
      let writing = true;
      void writes.finally(() => {
        writing = false;
      });
      const reads = Array.from({ length: 3 }, async () => {
        while (writing) {
          const { items } = await b.listMany(['stakeholder', 'dataset', 'interview', 'flow']);
          const description = items.stakeholder.find((s) => s.id === 'xa-ngo')?.description;
          const note = items.flow.find((f) => f.id === 'xa-f2')?.note;
          if (description?.startsWith('step') || note?.startsWith('step')) seen.push(`${description} / ${note}`);
        }
      });
      await Promise.all([writes, ...reads]);
      expect(
        seen.filter((pair) => {
          const [d, n] = pair.split(' / ');
          return d !== n;
        }),
      ).toEqual([]);
    });

    test('when an account is demoted or removed after its session was looked up, then its writes are refused inside the transaction', async () => {
      const [a, b] = pair.stores;
      const username = await createTestAccount(a, { role: 'editor', username: 'conc-demoted' });
      const asSessionSaw = { username, role: 'editor' as const, countries: [] };
      await a.accounts.updateAccount(username, { role: 'viewer', countries: [] }, 'conc-admin');
      const flow = await b.get('flow', 'xb-f1');
      const entities = new EntityService(b);
      await expect(
        entities.update(
          'flow',
          'xb-f1',
          { ...entityOf(flow as unknown as Body), note: 'by a viewer now' },
          flow.version,
          asSessionSaw,
          username,
        ),
      ).rejects.toBeInstanceOf(ForbiddenError);
      const doc = {
        ...smallMap(),
        stakeholders: [],
        datasets: [],
        reportingLines: [],
        networks: [],
        memberships: [],
        interviews: [],
        flows: smallMap()
          .flows.filter((f) => f.id === 'xb-f1')
          .map((f) => ({ ...f, note: 'imported by a viewer now' })),
      };
      await expect(importDocumentAs(b, doc, { mode: 'merge', actor: username }, asSessionSaw)).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(
        new RoundsService(b).freeze({ name: 'by a viewer now', country: 'XB' }, asSessionSaw, username),
      ).rejects.toBeInstanceOf(ForbiddenError);
      expect((await b.listRounds()).map((r) => r.name)).not.toContain('by a viewer now');
      await a.accounts.deleteAccount(username, 'conc-admin');
      await expect(entities.delete('flow', 'xb-f1', flow.version, asSessionSaw, username)).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      expect(await b.get('flow', 'xb-f1')).toEqual(flow);
    });

    test('when an NCP edits a flow while an admin moves its last end abroad, then the scope is checked after that write and the edit is refused', async () => {
      const [a, b] = pair.stores;
      const flow = await a.get('flow', 'xa-f2');
      const ncp = { username: 'conc-ncp', role: 'ncp' as const, countries: ['XA'] };
      const moved = async (id: string) => {
        const { version, updatedAt: _a, updatedBy: _b, ...entity } = await a.get('stakeholder', id);
        return { entity: { ...entity, country: 'XB' }, version };
      };
      const police = await moved('xa-police');
      await a.update('stakeholder', 'xa-police', police.entity, police.version, 'conc-admin');
      let entered!: () => void;
      let release!: () => void;
      const inside = new Promise<void>((resolve) => {
        entered = resolve;
      });
      const paused = new Promise<void>((resolve) => {
        release = resolve;
      });
      // The admin's write holds the store's write lock while it is paused inside its transaction.
      const ngo = await moved('xa-ngo');
      const moving = a.update('stakeholder', 'xa-ngo', ngo.entity, ngo.version, 'conc-admin', {
        guard: async () => {
          entered();
          await paused;
        },
      });
      await inside;
      const editing = new EntityService(b).update(
        'flow',
        'xa-f2',
        { ...entityOf(flow as unknown as Body), note: 'by the NCP' },
        flow.version,
        ncp,
        ncp.username,
      );
      const settled = editing.then(
        () => 'written',
        (err: unknown) => err,
      );
      // Whatever the NCP's request has done by now (its check included, were it made before the write), it must not have written.
      await new Promise((resolve) => setTimeout(resolve, 300));
      release();
      await moving;
      expect(await settled).toBeInstanceOf(ForbiddenError);
      expect((await b.get('flow', 'xa-f2')).note).toBe(flow.note);
    });
  });
}
