// Opens the configured store ready for use: built, initialised and holding the reference catalogue (themes
// and indicators) that every map refers to. The one way `npm start` and every command-line script open a
// store, so that a command on a fresh data folder or an empty Neo4j finds the catalogue, SEED=false or not.
import type { Config } from '../config';
import { readCatalogue, SEED_ACTOR } from '../../seed/loader';
import { createStore } from '.';
import type { GraphStore } from './port';

export async function openStore(config: Pick<Config, 'dataDir' | 'neo4j'>): Promise<GraphStore> {
  const store = await createStore(config);
  try {
    await store.ensureCatalogue(readCatalogue(), SEED_ACTOR);
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
  return store;
}
