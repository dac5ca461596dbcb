// The personal-data scenarios of personal-data-routes.test.ts on a real Neo4j (issue 18, point 9): a viewer's what-if
// answers a personal flow's id exactly as an id the map does not have, and a coverage cell shows it no route along a
// personal flow. The database is wiped first: runs only on the Neo4j this test run started.
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../server/app';
import { CoreGraphStore } from '../../server/store/core';
import { Neo4jAdapter } from '../../server/store/neo4j/adapter';
import type { GraphStore } from '../../server/store/port';
import { signedIn } from '../support/auth';
import { catalogue } from '../support/catalogue';
import { onWipeableNeo4j } from '../support/test-neo4j';
import { nordicMap } from './access-fixture';
import { postEditorFlows, viewerAsksAsForUnknown } from './personal-data-scenarios';

onWipeableNeo4j((settings) => {
  describe('personal data on Neo4j', () => {
    let store: GraphStore;
    let viewer: Express;
    let editor: Express;

    // Once for the file: the first test only reads (what-if stores nothing), the second adds flows.
    beforeAll(async () => {
      const adapter = new Neo4jAdapter(settings);
      store = new CoreGraphStore(adapter);
      await store.init();
      await adapter.clear();
      await store.ensureCatalogue(catalogue, 'fixture');
      await store.importDocument(nordicMap(), { mode: 'merge', actor: 'fixture' });
      const app = createApp({ store });
      viewer = await signedIn(app, store, { role: 'viewer', username: 'viewer-1' });
      editor = await signedIn(app, store, { role: 'editor', username: 'editor-1' });
    }, 300_000);
    afterAll(() => store.close());

    test('when a viewer removes a personal flow in what-if, or proposes a flow with its id, then the answer is that of an id the map does not have', async () => {
      await viewerAsksAsForUnknown(viewer, editor);
    });

    test('when the best route goes along a personal flow, then a viewer is shown another route or none', async () => {
      await postEditorFlows(editor);
      const seen = (await request(viewer).get('/api/analysis/coverage?country=SE').expect(200)).body;
      const cells = Object.fromEntries(
        seen.cells.map((c: { indicator: string; flows?: string[]; hidden?: object }) => [
          c.indicator,
          { flows: c.flows, hidden: c.hidden },
        ]),
      );
      expect(cells['VIC-02']).toEqual({ flows: ['se-v1', 'se-v2'], hidden: { route: 'best' } });
      expect(cells['VIC-03']).toEqual({ flows: undefined, hidden: { route: 'every' } });
      expect(JSON.stringify(seen)).not.toContain('se-fp2');
    });
  });
});
