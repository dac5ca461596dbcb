// The Neo4j of the integration tests: the one this test run started (tests/support/global-setup.ts), which a
// test may wipe. A database someone pointed NEO4J_URI at is never wiped: tests that need a clean database
// refuse to run there (they say so) unless NEO4J_TEST_MAY_WIPE=1 says the database is a throw-away one.
import { CoreGraphStore } from '../../server/store/core';
import { Neo4jAdapter } from '../../server/store/neo4j/adapter';
import type { Neo4jSettings } from '../../server/store/neo4j/executor';
import type { GraphStore } from '../../server/store/port';

export function testNeo4jSettings(): Neo4jSettings | undefined {
  const uri = process.env.NEO4J_URI;
  if (!uri) return undefined;
  return {
    uri,
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
  };
}

/** Whether tests may delete everything in the test Neo4j: it was started by this run, or declared throw-away. */
export function mayWipeTestNeo4j(): boolean {
  return process.env.FLOW_ATLAS_TEST_NEO4J === '1' || process.env.NEO4J_TEST_MAY_WIPE === '1';
}

/** Why a wiping test does not run here, for its stand-in test's name. */
export const WIPE_REFUSED =
  'when NEO4J_URI points at a database this run did not start, then tests that wipe it do not run' +
  ' (set NEO4J_TEST_MAY_WIPE=1 for a throw-away database)';

/** Two stores, each with its own driver (as two app instances have), on the test Neo4j, wiped first. */
export async function twoStoresOnWipedNeo4j(
  settings: Neo4jSettings,
): Promise<{ stores: [GraphStore, GraphStore]; close(): Promise<void> }> {
  const first = new Neo4jAdapter(settings);
  const stores = [new CoreGraphStore(first), new CoreGraphStore(new Neo4jAdapter(settings))] as const;
  await stores[0].init();
  await first.clear();
  await stores[1].init();
  return {
    stores: [stores[0], stores[1]],
    close: async () => {
      await Promise.all(stores.map((s) => s.close()));
    },
  };
}

/**
 * The test Neo4j's settings when it may be wiped; otherwise undefined, and the file gets its one test saying why its
 * Neo4j tests did not run (which CI, with REQUIRE_NEO4J=1, fails when no Neo4j could be started; scripts/test.mjs
 * reports it as skipped). A file runs its Neo4j tests under `if (settings)`.
 */
export function wipeableNeo4j(): Neo4jSettings | undefined {
  const settings = testNeo4jSettings();
  if (settings && mayWipeTestNeo4j()) return settings;
  if (settings) {
    test(WIPE_REFUSED, () => {
      expect(mayWipeTestNeo4j()).toBe(false);
    });
  } else {
    noNeo4jTest();
  }
  return undefined;
}

/** Registers `suite` when the test Neo4j may be wiped; otherwise the one test saying why not (wipeableNeo4j). */
export function onWipeableNeo4j(suite: (settings: Neo4jSettings) => void): void {
  const settings = wipeableNeo4j();
  if (settings) suite(settings);
}

/** The one stand-in test of a file whose Neo4j tests cannot run: allowed only outside CI (REQUIRE_NEO4J=1 fails it). */
export function noNeo4jTest(): void {
  test('when no Neo4j could be started, then this is allowed only outside CI', () => {
    console.warn(`NEO4J SKIPPED: ${process.env.NEO4J_SKIP_REASON ?? 'NEO4J_URI is not set'}`);
    expect(process.env.REQUIRE_NEO4J).not.toBe('1');
  });
}
