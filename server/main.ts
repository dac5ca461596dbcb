// Entry point: reads the configuration, serves the app at once, and opens the store in the background
// (server/startup.ts: the catalogue, the seed maps on an empty embedded store, the first administrator);
// while Neo4j is unreachable, start-up is attempted again and requests answer 503. Shuts down cleanly on SIGTERM / SIGINT.
import path from 'node:path';
import { createApp, eventsOf } from './app';
import { answerClientErrors } from './api/errors';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { closePdfRenderer } from './reports/pdf';
import { prepareStore } from './startup';
import { startStore } from './store';

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
  const started = await startStore(config, {
    prepare: (s) => prepareStore(s, config, logger),
    retryMs: config.neo4j?.probeIntervalMs,
    onWait: (err, attempt) => {
      // Said on the first attempt, then every 20th: the log does not fill up during a long outage.
      if (attempt === 1 || attempt % 20 === 0)
        logger.warn(`waiting for the store (requests answer 503 meanwhile): ${err.message}`);
    },
  });
  const { store } = started;
  let stopping = false;
  started.ready.then(
    () => logger.info('the store is ready', { store: store.kind }),
    (err: unknown) => {
      if (stopping) return; // closed while it waited
      console.error(`Flow Atlas could not start: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );

  const app = createApp({
    store,
    logger,
    clientDir: path.resolve(__dirname, '../dist/client'),
    allowedOrigins: config.allowedOrigins,
    trustProxy: config.trustProxy,
    cookieSecure: config.cookieSecure,
    sessionHours: config.sessionHours,
    lockoutMinutes: config.lockoutMinutes,
    sessionCacheSeconds: config.sessionCacheSeconds,
  });
  const server = app.listen(config.port, config.host, () => {
    const where = store.kind === 'neo4j' ? config.neo4j?.uri : path.join(config.dataDir, 'flow-atlas.sqlite');
    logger.info(
      `Flow Atlas listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`,
      { store: store.kind, where },
    );
  });
  answerClientErrors(server);

  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    eventsOf(app)?.close(); // open change feeds would hold server.close
    server.close(() => {
      void Promise.allSettled([store.close(), closePdfRenderer()]).finally(() => process.exit(0));
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
