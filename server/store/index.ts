// Chooses and builds the configured GraphStore: Neo4j when NEO4J_URI is set, else embedded SQLite.
import path from 'node:path';
import type { Config } from '../config';
import { CoreGraphStore } from './core';
import type { GraphStore } from './port';
import { SqliteAdapter } from './sqlite/adapter';

export type { GraphStore } from './port';

export const SQLITE_FILE = 'flow-atlas.sqlite';

export async function createStore(config: Pick<Config, 'dataDir' | 'neo4j'>): Promise<GraphStore> {
  let store: GraphStore;
  if (config.neo4j) {
    const { Neo4jAdapter } = await import('./neo4j/adapter');
    store = new CoreGraphStore(new Neo4jAdapter(config.neo4j));
  } else {
    store = new CoreGraphStore(new SqliteAdapter(path.join(config.dataDir, SQLITE_FILE)));
  }
  await store.init();
  return store;
}
