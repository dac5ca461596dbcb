// The Neo4j of the integration tests: the one this test run started (tests/setup/global-setup.ts), which a
// test may wipe. A database someone pointed NEO4J_URI at is never wiped: tests that need a clean database
// refuse to run there (they say so) unless NEO4J_TEST_MAY_WIPE=1 says the database is a throw-away one.
import type { Neo4jSettings } from '../../server/store/neo4j/executor';

export function testNeo4jSettings(): Neo4jSettings | undefined {
  const uri = process.env.NEO4J_URI;
  if (!uri) return undefined;
  return {
    uri, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
  };
}

/** Whether tests may delete everything in the test Neo4j: it was started by this run, or declared throw-away. */
export function mayWipeTestNeo4j(): boolean {
  return process.env.FLOW_ATLAS_TEST_NEO4J === '1' || process.env.NEO4J_TEST_MAY_WIPE === '1';
}

/** Why a wiping test does not run here, for its stand-in test's name. */
export const WIPE_REFUSED = 'when NEO4J_URI points at a database this run did not start, then tests that wipe it do not run'
  + ' (set NEO4J_TEST_MAY_WIPE=1 for a throw-away database)';
