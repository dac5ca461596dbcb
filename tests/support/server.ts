// Starts the real app in-process on a random port, on a fresh seeded embedded store, for API and browser tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app';
import { createStore } from '../../server/store';
import type { GraphStore } from '../../server/store/port';
import { seedStore } from '../../seed/loader';

export interface TestServer {
  url: string;
  store: GraphStore;
  close(): Promise<void>;
}

export async function startTestServer(options: { seedMaps?: boolean } = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-server-'));
  const store = await createStore({ dataDir });
  await seedStore(store, { maps: options.seedMaps ?? true });
  const app = createApp({ store, clientDir: path.resolve(__dirname, '../../dist/client') });
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
