// An in-memory embedded store holding the test catalogue and the small hand-built map (tests/fixtures), as
// most API tests start from.
import { CoreGraphStore } from '../../server/store/core';
import { SqliteAdapter } from '../../server/store/sqlite/adapter';
import type { GraphStore } from '../../server/store/port';
import { catalogue } from './catalogue';
import { smallMap } from './small-map';

/** `actors` name who the audit trail says loaded the catalogue and the map. */
export async function smallMapStore(actors: { catalogue?: string; map?: string } = {}): Promise<GraphStore> {
  const store = new CoreGraphStore(new SqliteAdapter(':memory:'));
  await store.init();
  await store.ensureCatalogue(catalogue, actors.catalogue ?? 'test');
  await store.importDocument(smallMap(), { mode: 'merge', actor: actors.map ?? 'test' });
  return store;
}
