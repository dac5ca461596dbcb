// The store contract on a real Neo4j (started by the test set-up, or NEO4J_URI), plus Neo4j specifics.
// With REQUIRE_NEO4J=1 (as in CI) a missing Neo4j fails this file instead of being skipped.
import { CoreGraphStore } from '../../server/store/core';
import { Neo4jAdapter } from '../../server/store/neo4j/adapter';
import { storeContract } from './contract';
import { scopedReadsContract } from './scoped-reads';
import { smallMap } from '../support/small-map';
import { catalogue } from '../support/catalogue';
import { wipeableNeo4j } from '../support/test-neo4j';
import { toNeo4j, type Neo4jSettings } from '../../server/store/neo4j/executor';
import { WARMED_QUERIES } from '../../server/store/neo4j/warm-up';

const settings = wipeableNeo4j();

async function freshStore(neo4j: Neo4jSettings): Promise<{ store: CoreGraphStore; adapter: Neo4jAdapter }> {
  const adapter = new Neo4jAdapter(neo4j);
  const store = new CoreGraphStore(adapter);
  await store.init();
  await adapter.clear();
  return { store, adapter };
}

if (settings) {
  storeContract('neo4j', { create: async () => (await freshStore(settings)).store });
  scopedReadsContract('neo4j', { create: async () => (await freshStore(settings)).store });

  describe('Neo4j specifics', () => {
    test('when a map is imported, then it is a real graph: HOLDS, COVERS, SHARES_WITH, REPORTS_TO, MEMBER_OF', async () => {
      const { store, adapter } = await freshStore(settings);
      try {
        await store.ensureCatalogue(catalogue, 't');
        await store.importDocument(smallMap(), { mode: 'merge', actor: 't' });
        const counts = await adapter.executor.read(async (tx) => {
          const r = await tx.run(`MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n ORDER BY t`);
          return Object.fromEntries(r.records.map((x) => [x.get('t'), x.get('n')]));
        });
        expect(counts).toMatchObject({
          HOLDS: 2,
          COVERS: 3,
          SHARES_WITH: 4,
          REPORTS_TO: 1,
          MEMBER_OF: 3,
          INTERVIEWED: 1,
        });
        const path = await adapter.executor.read(async (tx) => {
          const r = await tx.run(
            `MATCH (s:Stakeholder {id: 'xa-police'})-[f:SHARES_WITH]->(n:Stakeholder {ncp: true}) RETURN f.basis AS basis, n.sector AS sector, n.contactEmail AS email`,
          );
          return r.records.map((x) => x.toObject());
        });
        expect(path).toEqual([{ basis: 'statutory', sector: 'governance', email: 'ncp@office.example' }]);
      } finally {
        await store.close();
      }
    });

    test('when a flow is updated to another sender, then the relationship moves', async () => {
      const { store, adapter } = await freshStore(settings);
      try {
        await store.ensureCatalogue(catalogue, 't');
        await store.importDocument(smallMap(), { mode: 'merge', actor: 't' });
        const f = await store.get('flow', 'xa-f2');
        const { version, updatedAt: _a, updatedBy: _b, ...entity } = f;
        await store.update('flow', 'xa-f2', { ...entity, from: 'xa-ncp', to: 'xa-ngo' }, version, 't');
        const ends = await adapter.executor.read(async (tx) =>
          (await tx.run(`MATCH (a)-[r:SHARES_WITH {id: 'xa-f2'}]->(b) RETURN a.id AS a, b.id AS b`)).records.map((x) =>
            x.toObject(),
          ),
        );
        expect(ends).toEqual([{ a: 'xa-ncp', b: 'xa-ngo' }]);
      } finally {
        await store.close();
      }
    });

    test('when the warm-up plans its queries, then each runs with its parameters (the warm-up stops at the first that fails, silently)', async () => {
      const { store, adapter } = await freshStore(settings);
      try {
        await store.ensureCatalogue(catalogue, 't');
        await store.importDocument(smallMap(), { mode: 'merge', actor: 't' });
        const failures: string[] = [];
        for (const [name, params, mode] of WARMED_QUERIES) {
          const text = mode === 'explain' ? `EXPLAIN ${adapter.executor.query(name)}` : adapter.executor.query(name);
          await adapter.executor
            .read((tx) => tx.run(text, toNeo4j(params)))
            .catch((err: unknown) => failures.push(`${name}: ${err instanceof Error ? err.message : String(err)}`));
        }
        expect(failures).toEqual([]);
        expect(WARMED_QUERIES.map(([name]) => name)).toContain('country.counts');
      } finally {
        await store.close();
      }
    });

    test('when the database is unreachable, then health says so and reads answer StoreUnavailable', async () => {
      const store = new CoreGraphStore(new Neo4jAdapter({ ...settings, uri: 'bolt://127.0.0.1:1' }));
      const health = await store.health();
      expect(health).toMatchObject({ store: 'neo4j', reachable: false });
      await expect(store.list('country')).rejects.toMatchObject({ status: 503 });
      await store.close();
    });
  });
}
