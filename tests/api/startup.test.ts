// Start-up in the background (startStore, as `npm start` does), on the embedded store: until the store is
// ready, health answers 503 and every request that needs the store 503 store_unavailable with Retry-After;
// an unreachable store is waited for, any other start-up failure is reported at once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../../server/app';
import { StoreUnavailableError } from '../../server/errors';
import { startStore, type StartedStore } from '../../server/store';
import { createTestAccount, TEST_PASSWORD } from '../support/auth';

describe('start-up in the background', () => {
  let dataDir: string;
  let started: StartedStore | undefined;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-startup-'));
  });

  afterEach(async () => {
    await started?.store.close();
    started = undefined;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('when the store is not ready yet, then health and requests answer 503 with Retry-After, and once it is, 200', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    started = await startStore(
      { dataDir },
      {
        prepare: async (store) => {
          await gate;
          await createTestAccount(store, { role: 'admin' });
        },
      },
    );
    const app = createApp({ store: started.store });

    const health = await request(app).get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: 'unavailable' });
    expect(health.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    const login = await request(app).post('/api/auth/login').send({ username: 'admin', password: TEST_PASSWORD });
    expect(login.status).toBe(503);
    expect(login.body.error.code).toBe('store_unavailable');
    expect(login.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    expect(started.isReady()).toBe(false);

    release();
    await started.ready;
    const after = await request(app).get('/api/health');
    expect(after.status).toBe(200);
    expect(after.body).toEqual({ status: 'ok' });
    expect(after.headers['retry-after']).toBeUndefined();
    expect(
      (await request(app).post('/api/auth/login').send({ username: 'admin', password: TEST_PASSWORD })).status,
    ).toBe(200);
  });

  test('when start-up finds the store unreachable, then it tries again until it is reachable', async () => {
    let attempts = 0;
    const waits: number[] = [];
    started = await startStore(
      { dataDir },
      {
        retryMs: 10,
        prepare: async () => {
          attempts += 1;
          if (attempts < 3) throw new StoreUnavailableError('not yet');
        },
        onWait: (_err, attempt) => waits.push(attempt),
      },
    );
    await started.ready;
    expect(attempts).toBe(3);
    expect(waits).toEqual([1, 2]);
    expect(started.isReady()).toBe(true);
  });

  test('when start-up fails for another reason, then it is not tried again and ready rejects with that error', async () => {
    let attempts = 0;
    started = await startStore(
      { dataDir },
      {
        retryMs: 10,
        prepare: async () => {
          attempts += 1;
          throw new Error('the catalogue is broken');
        },
      },
    );
    await expect(started.ready).rejects.toThrow('the catalogue is broken');
    expect(attempts).toBe(1);
    const health = await request(createApp({ store: started.store })).get('/api/health');
    expect(health.status).toBe(503);
  });
});
