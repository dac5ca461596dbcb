// Entry point: reads the configuration, opens the store (seeding an empty embedded one), creates the first
// administrator on a store without accounts, serves the app, and shuts down cleanly on SIGTERM / SIGINT.
import path from 'node:path';
import { createApp } from './app';
import { AccountService } from './auth/accounts';
import { systemClock } from './auth/clock';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { closePdfRenderer } from './reports/pdf';
import { createStore } from './store';
import { seedStore } from '../seed/loader';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const store = await createStore(config);
  const empty = (await store.list('country')).length === 0;
  const seedMaps = store.kind === 'sqlite' && empty && config.seed;
  const seeded = await seedStore(store, { maps: seedMaps });
  if (seeded) logger.info('seeded the illustrative region', { created: seeded.created });

  const firstAdmin = await new AccountService(store, systemClock).ensureFirstAdmin(config.adminPassword);
  if (firstAdmin.created && firstAdmin.generated) {
    // Printed once, on stdout whatever LOG_LEVEL says: nobody could sign in without it.
    console.log(`created the administrator account "${firstAdmin.username}" with password ${firstAdmin.password}; change it after signing in`);
  } else if (firstAdmin.created) {
    logger.info(`created the administrator account "${firstAdmin.username}" with the password from ADMIN_PASSWORD`);
  }

  const app = createApp({ store, logger, clientDir: path.resolve(__dirname, '../dist/client'),
    allowedOrigins: config.allowedOrigins, trustProxy: config.trustProxy,
    cookieSecure: config.cookieSecure, sessionHours: config.sessionHours, lockoutMinutes: config.lockoutMinutes });
  const server = app.listen(config.port, config.host, () => {
    const where = store.kind === 'neo4j' ? config.neo4j?.uri : path.join(config.dataDir, 'flow-atlas.sqlite');
    logger.info(`Flow Atlas listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`, { store: store.kind, where });
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    server.close(() => {
      Promise.allSettled([store.close(), closePdfRenderer()]).finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('unhandledRejection', (reason) => {
    logger.error('unhandled rejection', { reason: reason instanceof Error ? reason.stack : String(reason) });
    shutdown('unhandledRejection');
  });
}

main().catch((err) => {
  console.error(`Flow Atlas could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
