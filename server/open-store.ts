// A store ready for use holds the reference catalogue (themes and indicators) that every map refers to.
// `makeReady` is that step, in one place: `openStore` runs it for the command-line scripts and
// server/startup.ts for `npm start`, so a command on a fresh data folder or an empty Neo4j finds the
// catalogue, SEED=false or not.
import type { Config } from './config';
import { readCatalogue, SEED_ACTOR } from '../seed/loader';
import { createStore } from './store';
import type { GraphStore } from './store/port';

/** Adds whatever of the reference catalogue the store lacks (nothing when it has it all). */
export async function makeReady(store: GraphStore): Promise<void> {
  await store.ensureCatalogue(readCatalogue(), SEED_ACTOR);
}

/** The configured store, initialised and ready (for the scripts; the server starts it with startStore). */
export async function openStore(config: Pick<Config, 'dataDir' | 'neo4j'>): Promise<GraphStore> {
  const store = await createStore(config);
  try {
    await makeReady(store);
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
  return store;
}
