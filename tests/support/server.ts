// Starts the real app in-process on a random port, on a fresh seeded embedded store, for API and browser tests.
// By default every request without a cookie runs signed in as the administrator `admin` (a real session,
// made through POST /api/auth/login); `as: null` serves the app as it is (the sign-in tests).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type express from 'express';
import { createApp } from '../../server/app';
import { answerClientErrors } from '../../server/api/errors';
import type { Role } from '../../server/model/roles';
import { createStore } from '../../server/store';
import type { GraphStore } from '../../server/store/port';
import { seedStore } from '../../seed/loader';
import { createTestAccount, loginCookie, withCookie } from './auth';
import { feedControl, type FeedControl } from './feed-control';

export interface TestServer {
  url: string;
  store: GraphStore;
  /** Who requests run as when they carry no cookie (undefined with `as: null`). */
  username?: string;
  /** The change feed's connections: where each resumed from, and cutting them as a network failure would. */
  feed: FeedControl;
  close(): Promise<void>;
}

export interface TestServerOptions {
  seedMaps?: boolean;
  /** The role requests without a cookie run as (default 'admin', username `admin`; an ncp gets SE); null: not signed in. */
  as?: Role | null;
  /** The built client to serve (default dist/client): the Lighthouse bench compares two builds. */
  clientDir?: string;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-server-'));
  const store = await createStore({ dataDir });
  await seedStore(store, { maps: options.seedMaps ?? true });
  const raw = createApp({ store, clientDir: options.clientDir ?? path.resolve(__dirname, '../../dist/client') });
  const role = options.as === undefined ? 'admin' : options.as;
  let app: express.Express = raw;
  let username: string | undefined;
  if (role !== null) {
    username = await createTestAccount(store, {
      role,
      username: role,
      ...(role === 'ncp' ? { countries: ['SE'] } : {}),
    });
    app = withCookie(raw, await loginCookie(raw, username));
  }
  const feed = feedControl();
  const server = await new Promise<http.Server>((resolve) => {
    const s = http.createServer((req, res) => {
      if (!feed.refused(req, res)) app(req, res);
    });
    s.listen(0, '127.0.0.1', () => resolve(s));
  });
  answerClientErrors(server);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    ...(username ? { username } : {}),
    feed,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
