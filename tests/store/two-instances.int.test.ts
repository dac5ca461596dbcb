// Issue 11 point 2 on a real Neo4j: two app instances, each with its own driver, on one database (see
// tests/support/two-instances.ts for the checks). The database is wiped first, so this runs only on the Neo4j
// this test run started (tests/support/test-neo4j.ts).
import { catalogue } from '../support/catalogue';
import { smallMap } from '../support/small-map';
import { onWipeableNeo4j, twoStoresOnWipedNeo4j } from '../support/test-neo4j';
import { twoInstancesSuite } from '../support/two-instances';

onWipeableNeo4j((settings) =>
  twoInstancesSuite(
    'Neo4j',
    async () => {
      const pair = await twoStoresOnWipedNeo4j(settings);
      await pair.stores[0].ensureCatalogue(catalogue, 'test');
      await pair.stores[0].importDocument(smallMap(), { mode: 'merge', actor: 'test' });
      return pair;
    },
    120_000,
  ),
);
