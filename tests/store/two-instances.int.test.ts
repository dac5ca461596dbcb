// Issue 11 point 2 on a real Neo4j: two app instances, each with its own driver, on one database (see
// tests/support/two-instances.ts for the checks). The database is wiped first, so this runs only on the Neo4j
// this test run started (tests/support/test-neo4j.ts).
import { CoreGraphStore } from '../../server/store/core';
import { Neo4jAdapter } from '../../server/store/neo4j/adapter';
import { catalogue } from '../fixtures/catalogue';
import { smallMap } from '../fixtures/small-map';
import { WIPE_REFUSED, mayWipeTestNeo4j, testNeo4jSettings } from '../support/test-neo4j';
import { twoInstancesSuite } from '../support/two-instances';

const settings = testNeo4jSettings();

if (settings && mayWipeTestNeo4j()) {
  twoInstancesSuite('Neo4j', async () => {
    const first = new Neo4jAdapter(settings);
    const stores = [new CoreGraphStore(first), new CoreGraphStore(new Neo4jAdapter(settings))] as const;
    await stores[0].init();
    await first.clear();
    await stores[1].init();
    await stores[0].ensureCatalogue(catalogue, 'test');
    await stores[0].importDocument(smallMap(), { mode: 'merge', actor: 'test' });
    return { stores: [stores[0], stores[1]], close: async () => { await Promise.all(stores.map((s) => s.close())); } };
  }, 120_000);
} else if (settings) {
  test(WIPE_REFUSED, () => {
    expect(mayWipeTestNeo4j()).toBe(false);
  });
} else {
  test('when no Neo4j could be started, then this is allowed only outside CI', () => {
    expect(process.env.REQUIRE_NEO4J).not.toBe('1');
  });
}
