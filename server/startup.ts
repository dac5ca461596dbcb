// What the server does to a store once it is reachable, before it serves: the reference catalogue (makeReady,
// as store/open.ts does for the scripts), the seed maps on an empty embedded store, and the first
// administrator on a store without accounts. Run again by startStore while Neo4j is unreachable.
import { AccountService } from './auth/accounts';
import { systemClock } from './auth/clock';
import type { Config } from './config';
import type { Logger } from './logger';
import type { GraphStore } from './store/port';
import { seedStore } from '../seed/loader';
import { makeReady } from './open-store';

export async function prepareStore(
  store: GraphStore,
  config: Pick<Config, 'seed' | 'adminPassword'>,
  logger: Logger,
): Promise<void> {
  await makeReady(store);
  const empty = (await store.list('country')).length === 0;
  const seedMaps = store.kind === 'sqlite' && empty && config.seed;
  const seeded = seedMaps ? await seedStore(store, { maps: true }) : undefined;
  if (seeded) logger.info('seeded the illustrative region', { created: seeded.created });

  const firstAdmin = await new AccountService(store, systemClock).ensureFirstAdmin(config.adminPassword);
  if (firstAdmin.created && firstAdmin.generated) {
    // Printed once, on stdout whatever LOG_LEVEL says: nobody could sign in without it.
    console.log(
      `created the administrator account "${firstAdmin.username}" with password ${firstAdmin.password}; change it after signing in`,
    );
  } else if (firstAdmin.created) {
    logger.info(`created the administrator account "${firstAdmin.username}" with the password from ADMIN_PASSWORD`);
  }
}
