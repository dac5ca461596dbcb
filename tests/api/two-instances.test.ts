// Two app instances over one embedded store (issue 11 point 2), and the session cache itself: a signed-in
// read request does not look its session up in the store every time, a request that may write always does.
import request from 'supertest';
import { createApp } from '../../server/app';
import type { GraphStore } from '../../server/store/port';
import { createTestAccount, loginCookie } from '../support/auth';
import { smallMapStore } from '../support/small-store';
import { twoInstancesSuite } from '../support/two-instances';

twoInstancesSuite('embedded', async () => {
  const store = await smallMapStore();
  return { stores: [store, store], close: () => store.close() };
});

/** The store, counting the session look-ups it gets. */
function countingSessions(store: GraphStore): { store: GraphStore; lookups: () => number } {
  let lookups = 0;
  const accounts = new Proxy(store.accounts, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (prop === 'getSession') lookups++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  const proxy = new Proxy(store, {
    get(target, prop) {
      if (prop === 'accounts') return accounts;
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
  return { store: proxy, lookups: () => lookups };
}

describe('session cache', () => {
  let store: GraphStore;
  afterEach(() => store.close());

  test('when a signed-in user reads many times, then its session is looked up in the store once; a write looks it up again', async () => {
    store = await smallMapStore();
    const { store: watched, lookups } = countingSessions(store);
    const app = createApp({ store: watched, sessionCacheSeconds: 4 });
    await createTestAccount(store, { role: 'editor' });
    const cookie = await loginCookie(app, 'editor');
    const flow = (await request(app).get('/api/flows/xa-f2').set('Cookie', cookie).expect(200)).body;
    const first = lookups();
    await Promise.all(
      Array.from({ length: 20 }, () => request(app).get('/api/countries').set('Cookie', cookie).expect(200)),
    );
    expect(lookups()).toBe(first);
    await request(app)
      .put('/api/flows/xa-f2')
      .set('Cookie', cookie)
      .send({ ...flow, note: 'x' })
      .expect(200);
    expect(lookups()).toBe(first + 1);
  });

  test('when SESSION_CACHE_SECONDS is 0, then every request looks its session up', async () => {
    store = await smallMapStore();
    const { store: watched, lookups } = countingSessions(store);
    const app = createApp({ store: watched, sessionCacheSeconds: 0 });
    await createTestAccount(store, { role: 'viewer' });
    const cookie = await loginCookie(app, 'viewer');
    const first = lookups();
    for (let i = 0; i < 5; i++) await request(app).get('/api/countries').set('Cookie', cookie).expect(200);
    expect(lookups()).toBe(first + 5);
  });

  test('when a session is removed from the store behind the cache, then reads stop within the cache time and writes at once', async () => {
    store = await smallMapStore();
    const app = createApp({ store, sessionCacheSeconds: 1 });
    await createTestAccount(store, { role: 'editor' });
    const cookie = await loginCookie(app, 'editor');
    const flow = (await request(app).get('/api/flows/xa-f2').set('Cookie', cookie).expect(200)).body;
    await store.accounts.endSessions('editor');
    await request(app)
      .put('/api/flows/xa-f2')
      .set('Cookie', cookie)
      .send({ ...flow, note: 'x' })
      .expect(401);
    let status = 200;
    for (let i = 0; i < 100 && status === 200; i++) {
      status = (await request(app).get('/api/auth/me').set('Cookie', cookie)).status;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(401);
  });
});
