// The fuzz property of tests/api/fuzz.test.ts on a real Neo4j, for a subset of the mutating routes (one
// of each kind of write): never a 5xx, every 4xx explains itself, and a 4xx changes nothing. It works on
// its own two test countries (QX, QY) and accounts, leaves whatever else the database holds alone, and
// removes everything it created afterwards. With REQUIRE_NEO4J=1 a missing Neo4j fails it.
import { apiRoutes } from '../../server/app';
import { KINDS, keyOf, type Kind, type MapDocument } from '../../server/model';
import { CoreGraphStore } from '../../server/store/core';
import { Neo4jAdapter } from '../../server/store/neo4j/adapter';
import { SqliteAdapter } from '../../server/store/sqlite/adapter';
import { catalogue } from '../support/catalogue';
import { smallMap } from '../support/small-map';
import { fuzzApps, fuzzRoute, mutatingRoutes, poolOf, routeKey, type FuzzApps } from '../support/fuzz-property';
import type { ValuePool } from '../support/fuzz';
import { noNeo4jTest } from '../support/test-neo4j';

const RUNS = Number(process.env.FUZZ_NEO4J_RUNS ?? 15);
const PREFIX = 'fuzz-neo4j';

/** The subset: creates, updates and deletes of a node kind, a relationship kind and a composite key, the import and rounds. */
const SUBSET = [
  'POST /stakeholders',
  'PUT /stakeholders/:id',
  'DELETE /stakeholders/:id',
  'POST /flows',
  'PUT /flows/:id',
  'DELETE /flows/:id',
  'PUT /memberships/:stakeholder/:network',
  'DELETE /memberships/:stakeholder/:network',
  'POST /interviews',
  'POST /import',
  'POST /rounds',
  'DELETE /rounds/:id',
];

/** The small map moved to countries QX and QY (ids qx-..., qy-...), so that it cannot meet other tests' XA and XB. */
function fixtureMap(): MapDocument {
  const json = JSON.stringify(smallMap())
    .replace(/\bXA\b/g, 'QX')
    .replace(/\bXB\b/g, 'QY')
    .replace(/\bxa-/g, 'qx-')
    .replace(/\bxb-/g, 'qy-');
  return JSON.parse(json) as MapDocument;
}

const uri = process.env.NEO4J_URI;

describe('fuzzing a subset of the mutating routes (Neo4j)', () => {
  test('when the subset is read against the route table, then every route in it exists and is fuzzed on the embedded store too', () => {
    const fuzzed = mutatingRoutes(apiRoutes({ store: new CoreGraphStore(new SqliteAdapter(':memory:')) })).map(
      routeKey,
    );
    expect(fuzzed).toEqual(expect.arrayContaining(SUBSET));
  });
});

if (uri) {
  const settings = {
    uri,
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
  };

  describe('fuzzing a subset of the mutating routes (Neo4j)', () => {
    let adapter: Neo4jAdapter;
    let store: CoreGraphStore;
    let apps: FuzzApps;
    let pool: ValuePool;
    /** What the database held before: keys per kind, rounds, accounts, sessions, and the newest audit entry. */
    let before: {
      keys: Map<Kind, Set<string>>;
      rounds: string[];
      accounts: string[];
      sessions: string[];
      auditSeq: number;
    };
    const everything = new Set<string>();

    const read = async <T>(cypher: string): Promise<T[]> =>
      adapter.executor.read(async (tx) => (await tx.run(cypher)).records.map((r) => r.get('value') as T));

    beforeAll(async () => {
      adapter = new Neo4jAdapter(settings);
      store = new CoreGraphStore(adapter);
      await store.init();
      const leftovers = (await store.list('country')).filter((c) => c.code === 'QX' || c.code === 'QY');
      if (leftovers.length)
        throw new Error(
          'the database holds countries QX or QY, left by an interrupted run of this test: remove them first',
        );
      before = {
        keys: new Map(),
        rounds: (await store.listRounds()).map((r) => r.id),
        accounts: (await store.accounts.listAccounts()).map((a) => a.username),
        sessions: await read<string>('MATCH (s:Session) RETURN s.idHash AS value'),
        auditSeq: (await store.audit({ limit: 1 }))[0]?.seq ?? 0,
      };
      for (const kind of KINDS) before.keys.set(kind, new Set((await store.list(kind)).map((e) => keyOf(kind, e))));
      for (const value of [...[...before.keys.values()].flatMap((s) => [...s]), ...before.rounds, ...before.accounts])
        everything.add(value);

      const doc = fixtureMap();
      await store.ensureCatalogue(catalogue, PREFIX);
      await store.importDocument(doc, { mode: 'merge', actor: PREFIX });
      const round = await store.freezeRound({ name: 'fuzz baseline', country: 'QX' }, PREFIX);
      apps = await fuzzApps(store, PREFIX);
      pool = poolOf(doc, PREFIX, { id: [round.id] });
    });

    afterAll(async () => {
      if (!store) return;
      try {
        // Everything this file created: map items, rounds, accounts, sessions and audit entries.
        await adapter.write(async (tx) => {
          for (const kind of [...KINDS].reverse()) {
            const created = (await tx.list(kind))
              .map((e) => keyOf(kind, e))
              .filter((k) => !before.keys.get(kind)?.has(k));
            if (created.length) await tx.deleteMany(kind, created);
          }
          for (const round of await tx.listRounds())
            if (!before.rounds.includes(round.id)) await tx.deleteRound(round.id);
        });
        await adapter.executor.write(async (tx) => {
          await tx.run('MATCH (a:Account) WHERE NOT a.username IN $keep DETACH DELETE a', { keep: before.accounts });
          await tx.run('MATCH (s:Session) WHERE NOT s.idHash IN $keep DETACH DELETE s', { keep: before.sessions });
          await tx.run('MATCH (e:AuditEntry) WHERE e.seq > $seq DETACH DELETE e', { seq: before.auditSeq });
        });
        for (const kind of KINDS) {
          expect([kind, (await store.list(kind)).map((e) => keyOf(kind, e)).sort()]).toEqual([
            kind,
            [...(before.keys.get(kind) ?? [])].sort(),
          ]);
        }
      } finally {
        await store.close();
      }
    });

    const routes = () => mutatingRoutes(apiRoutes({ store })).filter((r) => SUBSET.includes(routeKey(r)));

    test.each(SUBSET)(
      'when %s gets random and malformed requests on Neo4j, then never a 5xx, every 4xx explains itself and changes nothing',
      async (key) => {
        const route = routes().find((r) => routeKey(r) === key);
        expect(route).toBeDefined();
        const stats = await fuzzRoute(apps.app, route!, pool, {
          numRuns: RUNS,
          reader: apps.reader,
          lastError: apps.lastError,
          // Only what this file made: never the database's other items, rounds or accounts, nor its own sign-ins.
          mayAddress: (k) => k.every((v) => !everything.has(v) && !apps.own.includes(v)),
        });
        expect(stats.routed).toBeGreaterThan(0);
      },
      120_000,
    );
  });
} else {
  describe('fuzzing a subset of the mutating routes (Neo4j)', () => {
    noNeo4jTest();
  });
}
