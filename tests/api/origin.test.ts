// The origin check on state-changing API requests: a browser page from another site cannot change the map.
import request from 'supertest';
import { createApp, type AppDeps } from '../../server/app';
import type { GraphStore } from '../../server/store/port';
import { smallMap } from '../support/small-map';
import { TEST_PASSWORD, createTestAccount, signedIn } from '../support/auth';
import { smallMapStore } from '../support/small-store';

const HOST = 'atlas.example.org';
const OWN = `http://${HOST}`;

let store: GraphStore;

beforeEach(async () => {
  store = await smallMapStore();
});
afterEach(() => store.close());

/** The app, signed in as an editor (who may change the map) for every request that carries no cookie. */
function appWith(options: Partial<AppDeps> = {}) {
  return signedIn(createApp({ store, ...options }), store, { role: 'editor' });
}

type App = Awaited<ReturnType<typeof appWith>>;

const newFlow = { id: 'xa-f9', from: 'xa-ncp', to: 'xa-ngo', indicators: ['VIC-01'], basis: 'informal' };

/** Each kind of state-changing request, as the API takes it when nobody objects. */
const WRITES: Array<{ name: string; send: (app: App) => request.Test }> = [
  { name: 'POST a flow', send: (app) => request(app).post('/api/flows').send(newFlow) },
  {
    name: 'PUT a stakeholder',
    send: (app) =>
      request(app).put('/api/stakeholders/xa-ngo?version=1').send({ name: 'Renamed NGO', country: 'XA', type: 'ngo' }),
  },
  { name: 'DELETE a flow', send: (app) => request(app).delete('/api/flows/xa-f2?version=1') },
  {
    name: 'PATCH a stakeholder',
    send: (app) => request(app).patch('/api/stakeholders/xa-ngo').send({ name: 'Patched' }),
  },
  {
    name: 'POST an import',
    send: (app) =>
      request(app)
        .post('/api/import')
        .send({ ...smallMap(), stakeholders: [{ ...smallMap().stakeholders[2]!, name: 'Imported NGO' }] }),
  },
];

function expectRefused(res: request.Response) {
  expect(res.status).toBe(403);
  expect(res.body.error.code).toBe('forbidden');
  expect(res.body.error.message).toMatch(/^cross-site request refused/);
}

describe('state-changing requests from browsers', () => {
  test("when a POST comes from the app's own origin, then it is carried out", async () => {
    const app = await appWith();
    const before = await store.storeVersion();

    await request(app)
      .post('/api/flows')
      .set('Host', HOST)
      .set('Origin', OWN)
      .set('Sec-Fetch-Site', 'same-origin')
      .send(newFlow)
      .expect(201);

    expect(await store.storeVersion()).toBeGreaterThan(before);
    expect((await store.get('flow', 'xa-f9'))?.from).toBe('xa-ncp');
  });

  test("when the Host names the default port of the Origin's scheme, then it is the same origin", async () => {
    await request(await appWith())
      .post('/api/flows')
      .set('Host', `${HOST}:80`)
      .set('Origin', OWN)
      .send(newFlow)
      .expect(201);
  });

  test.each(WRITES.filter((w) => !w.name.startsWith('PATCH')))(
    'when "$name" comes with no Origin, then it is carried out (the control for the next test)',
    async ({ send }) => {
      const app = await appWith();
      const before = await store.storeVersion();

      const res = await send(app).set('Host', HOST);

      expect(res.status).toBeLessThan(300);
      expect(await store.storeVersion()).toBeGreaterThan(before);
    },
  );

  test.each(WRITES)('when "$name" comes from a foreign origin, then 403 and nothing is written', async ({ send }) => {
    const app = await appWith();
    const before = await store.storeVersion();
    const exported = await store.exportDocument({});

    const res = await send(app)
      .set('Host', HOST)
      .set('Origin', 'https://evil.example')
      .set('Sec-Fetch-Site', 'cross-site');

    expectRefused(res);
    expect(await store.storeVersion()).toBe(before);
    expect(await store.exportDocument({})).toEqual(exported);
  });

  test.each([
    ['the same host on another port', `${OWN}:8080`],
    ['a sibling subdomain', `http://other.${HOST}`],
    ["a host that merely starts like the app's", `http://${HOST}.evil.example`],
    ['the "null" origin of a sandboxed frame or file', 'null'],
    ['a non-web scheme', `file://${HOST}`],
    ['garbage', 'not an origin'],
  ])('when the Origin is %s, then 403 and nothing is written', async (_what, origin) => {
    const app = await appWith();
    const before = await store.storeVersion();

    expectRefused(await request(app).post('/api/flows').set('Host', HOST).set('Origin', origin).send(newFlow));

    expect(await store.storeVersion()).toBe(before);
    await expect(store.get('flow', 'xa-f9')).rejects.toThrow(/not found/);
  });

  test('when a sign-in comes from a foreign origin, then 403 before the password is looked at', async () => {
    const app = createApp({ store });
    const username = await createTestAccount(store, { role: 'editor' });

    const res = await request(app)
      .post('/api/auth/login')
      .set('Host', HOST)
      .set('Origin', 'https://evil.example')
      .send({ username, password: TEST_PASSWORD });

    expectRefused(res);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  test('when there is no Origin but Sec-Fetch-Site says cross-site, then 403', async () => {
    const app = await appWith();
    const before = await store.storeVersion();

    expectRefused(await request(app).delete('/api/flows/xa-f2?version=1').set('Sec-Fetch-Site', 'cross-site'));

    expect(await store.storeVersion()).toBe(before);
  });

  test('when a request carries no Origin (curl, the CLI, scripts), then it passes', async () => {
    await request(await appWith())
      .post('/api/flows')
      .send(newFlow)
      .expect(201);
    await request(await appWith())
      .delete('/api/flows/xa-f2?version=1')
      .set('Sec-Fetch-Site', 'none')
      .expect(200);
  });

  test('when the origin is in ALLOWED_ORIGINS, then it passes, also as a cross-site request', async () => {
    const app = await appWith({ allowedOrigins: ['https://partner.example'] });
    const before = await store.storeVersion();

    await request(app)
      .post('/api/flows')
      .set('Host', HOST)
      .set('Origin', 'https://partner.example')
      .set('Sec-Fetch-Site', 'cross-site')
      .send(newFlow)
      .expect(201);

    expect(await store.storeVersion()).toBeGreaterThan(before);
    // Only that origin: the same host over plain HTTP is still foreign.
    expectRefused(
      await request(app).delete('/api/flows/xa-f2?version=1').set('Host', HOST).set('Origin', 'http://partner.example'),
    );
  });

  test('when a GET comes from a foreign origin, then it is answered (reading is not refused here)', async () => {
    const res = await request(await appWith())
      .get('/api/countries')
      .set('Host', HOST)
      .set('Origin', 'https://evil.example')
      .set('Sec-Fetch-Site', 'cross-site')
      .expect(200);

    expect(res.body.countries.map((c: { code: string }) => c.code)).toEqual(['XA', 'XB']);
    // No CORS grant: the foreign page's script still cannot read the answer.
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('behind a reverse proxy (TRUST_PROXY)', () => {
  const viaProxy = (test: request.Test) =>
    test.set('Host', 'app:3000').set('X-Forwarded-Host', HOST).set('X-Forwarded-Proto', 'https');

  test('when the proxy is trusted, then the Origin is compared with X-Forwarded-Host', async () => {
    await viaProxy(request(await appWith({ trustProxy: true })).post('/api/flows'))
      .set('Origin', `https://${HOST}`)
      .send(newFlow)
      .expect(201);
  });

  test('when the proxy is trusted and says HTTPS, then the same host over plain HTTP is foreign', async () => {
    expectRefused(
      await viaProxy(request(await appWith({ trustProxy: true })).post('/api/flows'))
        .set('Origin', OWN)
        .send(newFlow),
    );
  });

  test("when the proxy is not trusted, then X-Forwarded-Host is ignored and the page's origin does not match the Host", async () => {
    const app = await appWith();
    const before = await store.storeVersion();

    expectRefused(await viaProxy(request(app).post('/api/flows')).set('Origin', `https://${HOST}`).send(newFlow));

    expect(await store.storeVersion()).toBe(before);
  });
});
