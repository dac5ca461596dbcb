// Smoke test of the Neo4j from NEO4J_URI (started by tests/support/global-setup.ts, or given) over Bolt.
import neo4j, { type Driver } from 'neo4j-driver';
import { noNeo4jTest } from '../support/test-neo4j';

const uri = process.env.NEO4J_URI;

if (uri) {
  describe('Neo4j over Bolt', () => {
    let driver: Driver;

    beforeAll(() => {
      driver = neo4j.driver(uri); // the launcher runs with auth off: no token
    });

    afterAll(async () => {
      await driver.close();
    });

    test('when asked RETURN 1, then it answers 1', async () => {
      const result = await driver.executeQuery('RETURN 1 AS one');
      expect(result.records[0]?.get('one').toNumber()).toBe(1);
    });

    test('when a node is written, then it can be read back', async () => {
      const id = `launcher-check-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      const session = driver.session();
      try {
        await session.executeWrite((tx) => tx.run('CREATE (:LauncherCheck {id: $id})', { id }));
        const read = await session.executeRead((tx) =>
          tx.run('MATCH (n:LauncherCheck {id: $id}) RETURN count(n) AS n', { id }),
        );
        expect(read.records[0]?.get('n').toNumber()).toBe(1);
        await session.executeWrite((tx) => tx.run('MATCH (n:LauncherCheck {id: $id}) DELETE n', { id }));
      } finally {
        await session.close();
      }
    });
  });
} else {
  describe('Neo4j over Bolt', () => {
    noNeo4jTest();
  });
}
