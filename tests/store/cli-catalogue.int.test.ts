// Issue 14 on Neo4j: every command that opens a store finds the reference catalogue there, so `npm run import`
// of a map into an empty Neo4j works (it failed with "unknown indicator code" for every flow). The database is
// wiped first, so this runs only on the Neo4j this test run started (tests/support/test-neo4j.ts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCatalogue } from '../../seed/loader';
import { CoreGraphStore } from '../../server/store/core';
import { Neo4jAdapter } from '../../server/store/neo4j/adapter';
import { smallMap } from '../support/small-map';
import { onWipeableNeo4j } from '../support/test-neo4j';

const root = path.resolve(__dirname, '../..');

onWipeableNeo4j((settings) => {
  test('when npm run import runs on an empty Neo4j with SEED=false, then the catalogue is there and the map imports', async () => {
    const adapter = new Neo4jAdapter(settings);
    const store = new CoreGraphStore(adapter);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-cli-neo4j-'));
    try {
      await store.init();
      await adapter.clear();
      const file = path.join(dir, 'map.json');
      fs.writeFileSync(file, JSON.stringify(smallMap()));
      const r = spawnSync(
        process.execPath,
        [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts', 'import.ts'), file],
        {
          cwd: dir,
          encoding: 'utf8',
          input: '',
          env: {
            ...process.env,
            DATA_DIR: dir,
            SEED: 'false',
            NEO4J_URI: settings.uri,
            NEO4J_USER: settings.user,
            NEO4J_PASSWORD: settings.password,
            NEO4J_DATABASE: settings.database,
          },
        },
      );
      expect({ code: r.status, err: r.stderr }).toMatchObject({ code: 0 });
      const catalogue = readCatalogue();
      expect((await store.list('indicator')).map((i) => i.code).sort()).toEqual(
        catalogue.indicators.map((i) => (i as { code: string }).code).sort(),
      );
      expect((await store.list('flow')).map((f) => f.id).sort()).toEqual(
        smallMap()
          .flows.map((f) => f.id)
          .sort(),
      );
    } finally {
      await adapter.clear();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
