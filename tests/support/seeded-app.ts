// The seeded region in an in-memory SQLite store, and the app signed in with a role (API tests of the analyses).
import { createApp } from '../../server/app';
import type { Role } from '../../server/model/roles';
import { CoreGraphStore } from '../../server/store/core';
import { SqliteAdapter } from '../../server/store/sqlite/adapter';
import type { GraphStore } from '../../server/store/port';
import { readSeedDocument, seedStore } from '../../seed/loader';
import { signedIn } from './auth';

export async function seededApp(role: Role): Promise<{ store: GraphStore; app: Awaited<ReturnType<typeof signedIn>> }> {
  const store = new CoreGraphStore(new SqliteAdapter(':memory:'));
  await store.init();
  await seedStore(store, { maps: true });
  return { store, app: await signedIn(createApp({ store }), store, { role }) };
}

/** The seed's national countries (every country but the international layer), in code order. */
export const SEED_NATIONAL = readSeedDocument()
  .countries.map((c) => c.code)
  .filter((c) => c !== 'INT')
  .sort();
