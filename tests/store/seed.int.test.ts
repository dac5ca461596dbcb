// The seed region on both stores: loaded into SQLite and into a real Neo4j, both export the same
// document, and Neo4j's export imported back into an empty Neo4j gives the same document again.
import { CoreGraphStore } from '../../server/store/core';
import { Neo4jAdapter } from '../../server/store/neo4j/adapter';
import { SqliteAdapter } from '../../server/store/sqlite/adapter';
import { readSeedDocument, seedStore } from '../../seed/loader';
import { normalise } from './contract';
import { wipeableNeo4j } from '../support/test-neo4j';

const settings = wipeableNeo4j();

if (settings) {
  describe('seed on both stores', () => {
    test('when the seed is loaded into SQLite and Neo4j, then both export the same document, region and per country', async () => {
      const sqlite = new CoreGraphStore(new SqliteAdapter(':memory:'));
      const adapter = new Neo4jAdapter(settings);
      const neo = new CoreGraphStore(adapter);
      try {
        await sqlite.init();
        await neo.init();
        await adapter.clear();
        await seedStore(sqlite, { maps: true });
        await seedStore(neo, { maps: true });
        const fromSqlite = await sqlite.exportDocument({});
        const fromNeo4j = await neo.exportDocument({});
        expect(fromNeo4j).toEqual(fromSqlite);
        expect(fromNeo4j).toEqual(normalise(readSeedDocument()));
        for (const country of ['SE', 'DK', 'INT']) {
          expect(await neo.exportDocument({ country })).toEqual(await sqlite.exportDocument({ country }));
        }
        expect((await neo.snapshot({})).catalogue).toEqual((await sqlite.snapshot({})).catalogue);

        await adapter.clear();
        await seedStore(neo, { maps: false });
        await neo.importDocument(JSON.parse(JSON.stringify(fromNeo4j)), { mode: 'merge', actor: 'roundtrip' });
        expect(await neo.exportDocument({})).toEqual(fromNeo4j);
      } finally {
        await sqlite.close();
        await neo.close();
      }
    });
  });
}
