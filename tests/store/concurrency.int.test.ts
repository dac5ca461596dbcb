// The concurrent-write schedules of tests/store/concurrency.ts on a real Neo4j: two stores (two drivers, as
// two app instances have) on one database. The database is wiped first, so this runs only on the Neo4j this
// test run started (tests/support/test-neo4j.ts).
import { onWipeableNeo4j, twoStoresOnWipedNeo4j } from '../support/test-neo4j';
import { concurrencySuite } from './concurrency';

onWipeableNeo4j((settings) => concurrencySuite('Neo4j', () => twoStoresOnWipedNeo4j(settings)));
