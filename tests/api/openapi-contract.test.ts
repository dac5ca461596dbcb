// The API against its own OpenAPI document, checked by an independent validator (tests/support/openapi-contract.ts):
// every route is called, with its successes, its errors (400, 401, 403, 404, 409, 413, 415, 429, 503) and every
// export and report format, and each exchange (request and answer: status, media type, body) must match the
// document served at GET /api/openapi.json without signing in.
import type express from 'express';
import YAML from 'yaml';
import { createApp } from '../../server/app';
import { StoreUnavailableError } from '../../server/errors';
import { closePdfRenderer } from '../../server/reports/pdf';
import { UPLOAD_LIMIT_BYTES } from '../../server/model/limits';
import type { GraphStore } from '../../server/store/port';
import { FakeClock, TEST_PASSWORD, createTestAccount, loginCookie } from '../support/auth';
import { ContractChecker, exchange, type Call, type Exchange } from '../support/openapi-contract';
import { smallMapStore } from '../support/small-store';

/** The store (and its accounts), but every call fails as an unreachable store's would while `outage.on` is set. */
function withOutage<T extends object>(store: T, outage: { on: boolean }): T {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop === 'accounts') return withOutage(value as object, outage);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (!outage.on || prop === 'close') return (value as (...a: unknown[]) => unknown).apply(target, args);
        if (prop === 'health')
          return Promise.resolve({ store: 'sqlite', reachable: false, error: 'the test stopped the store' });
        return Promise.reject(new StoreUnavailableError('the store does not answer (stopped by the test)'));
      };
    },
  });
}

/** An item of each kind for the small map, in write order, with the change an update makes. */
const ITEMS: Array<{
  collection: string;
  key: string;
  item: Record<string, unknown>;
  change: Record<string, unknown>;
}> = [
  {
    collection: 'countries',
    key: 'XC',
    item: { code: 'XC', name: 'Testland C', euMember: false, cbssMember: true },
    change: { name: 'Testland C2' },
  },
  {
    collection: 'themes',
    key: 'TEST_T',
    item: { code: 'TEST_T', name: 'Test theme' },
    change: { name: 'Test theme 2' },
  },
  {
    collection: 'indicators',
    key: 'TST-01',
    item: { code: 'TST-01', name: 'Test indicator', themes: ['TEST_T'] },
    change: { name: 'Renamed' },
  },
  {
    collection: 'stakeholders',
    key: 'xa-new',
    item: { id: 'xa-new', name: 'New office', country: 'XA', type: 'ngo' },
    change: { level: 'local' },
  },
  {
    collection: 'networks',
    key: 'xa-net2',
    item: { id: 'xa-net2', name: 'Second network', country: 'XA', kind: 'task_force' },
    change: { meets: 'monthly' },
  },
  {
    collection: 'interviews',
    key: 'xa-i9',
    item: { id: 'xa-i9', date: '2011-01-02', stakeholder: 'xa-new', round: '2011' },
    change: { notes: 'second' },
  },
  {
    collection: 'datasets',
    key: 'xa-d9',
    item: {
      id: 'xa-d9',
      name: 'Log',
      holder: 'xa-new',
      indicators: ['VIC-05'],
      granularity: 'aggregate',
      frequency: 'annual',
    },
    change: { since: 2010 },
  },
  {
    collection: 'flows',
    key: 'xa-f9',
    item: { id: 'xa-f9', from: 'xa-new', to: 'xa-ncp', indicators: ['VIC-05'], basis: 'project' },
    change: { basis: 'agreement' },
  },
  {
    collection: 'reporting-lines',
    key: 'xa-r9',
    item: { id: 'xa-r9', from: 'xa-new', to: 'xa-ncp', kind: 'supervision' },
    change: { evidence: ['xa-i9'] },
  },
  {
    collection: 'memberships',
    key: 'xa-new/xa-net2',
    item: { stakeholder: 'xa-new', network: 'xa-net2' },
    change: { role: 'chair' },
  },
];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const json = (ex: Exchange) => JSON.parse(ex.responseBody.toString('utf8')) as Record<string, any>;

let store: GraphStore;
const outage = { on: false };
let raw: express.Express;
/** The session cookies requests are sent with (null: none). */
let admin: string;
let viewer: string;
const anonymous = null;
let checker: ContractChecker;
const recorded: Exchange[] = [];

async function call(cookie: string | null, c: Call, expected?: number): Promise<Exchange> {
  const ex = await exchange(raw, cookie && !c.headers?.cookie ? { ...c, headers: { ...c.headers, cookie } } : c);
  recorded.push(ex);
  if (expected !== undefined && ex.status !== expected) {
    throw new Error(
      `${c.method ?? 'get'} ${c.url}: expected ${expected}, got ${ex.status} ${ex.responseBody.toString('utf8').slice(0, 300)}`,
    );
  }
  return ex;
}

beforeAll(async () => {
  store = withOutage(await smallMapStore(), outage);
  raw = createApp({ store, clock: new FakeClock() });
  admin = await loginCookie(raw, await createTestAccount(store, { role: 'admin' }));
  viewer = await loginCookie(raw, await createTestAccount(store, { role: 'viewer' }));
  const served = await call(anonymous, { url: '/api/openapi.json' }, 200);
  checker = await ContractChecker.create(json(served) as never);
}, 60000);
afterAll(async () => {
  await closePdfRenderer();
  await store.close();
});

describe('every route against the served OpenAPI document', () => {
  test('when each kind of item is created, read, listed, updated three ways and deleted, then every exchange matches', async () => {
    for (const { collection, key, item, change } of ITEMS) {
      const created = await call(admin, { method: 'post', url: `/api/${collection}`, body: item }, 201);
      expect(created.responseHeaders.location).toBe(`/api/${collection}/${key}`);
      const read = json(await call(admin, { url: `/api/${collection}/${key}` }, 200));
      if (collection !== 'countries') await call(admin, { url: `/api/${collection}` }, 200);
      // What was read goes back changed, read-only fields and all, with its version in the body.
      const v2 = json(
        await call(admin, { method: 'put', url: `/api/${collection}/${key}`, body: { ...read, ...change } }, 200),
      );
      const { version: _v, updatedAt: _a, updatedBy: _b, sector: _s, ...entity } = v2;
      const v3 = json(
        await call(admin, { method: 'put', url: `/api/${collection}/${key}?version=${v2.version}`, body: entity }, 200),
      );
      await call(
        admin,
        { method: 'put', url: `/api/${collection}/${key}`, headers: { 'If-Match': `"${v3.version}"` }, body: entity },
        200,
      );
      await call(admin, { method: 'put', url: `/api/${collection}/${key}?version=1`, body: entity }, 409);
    }
    await call(admin, { url: '/api/stakeholders?country=XA&ncp=true&sector=civil_society' }, 200);
    await call(admin, { url: '/api/flows?stakeholder=xa-new&status=active&indicator=VIC-05' }, 200);
    await call(admin, { method: 'delete', url: '/api/stakeholders/xa-new?version=1&cascade=true' }, 409);
    const { version } = json(await call(admin, { url: '/api/stakeholders/xa-new' }, 200));
    await call(
      admin,
      { method: 'delete', url: '/api/stakeholders/xa-new', headers: { 'If-Match': String(version) } },
      409,
    );
    for (const { collection, key } of [...ITEMS].reverse()) {
      const current = json(await call(admin, { url: `/api/${collection}/${key}` }, 200));
      const how =
        collection === 'networks'
          ? { url: `/api/${collection}/${key}?cascade=true`, headers: { 'If-Match': `"${current.version}"` } }
          : { url: `/api/${collection}/${key}?version=${current.version}` };
      await call(admin, { method: 'delete', ...how }, 200);
    }
  });

  test('when the map, system, analysis, rounds, evidence and audit routes are called, then every exchange matches', async () => {
    await call(anonymous, { url: '/api/health' }, 200);
    await call(admin, { url: '/api/health' }, 200);
    await call(admin, { url: '/api/reference' }, 200);
    await call(admin, { url: '/api/countries' }, 200);
    await call(admin, { url: '/api/graph?country=XA' }, 200);
    await call(admin, { url: '/api/graph' }, 200);
    for (const q of [
      'country=XA',
      '',
      'country=XA&indicator=VIC-01&includeInformal=false&minConfidence=reported&includeStatuses=active,planned',
    ]) {
      await call(admin, { url: `/api/analysis/coverage?${q}` }, 200);
    }
    await call(admin, { url: '/api/analysis/suggestions?country=XA' }, 200);
    await call(admin, { url: '/api/analysis/bottlenecks?country=XA&includeInformal=true' }, 200);
    await call(admin, { url: '/api/analysis/ncp?country=XA' }, 200);
    await call(admin, { url: '/api/analysis/ncp?country=XC' }, 404);
    // A viewer's answers add what is hidden from it (issue 18, point 9).
    for (const url of ['/api/countries', '/api/analysis/ncp?country=XA', '/api/analysis/bottlenecks?country=XA'])
      await call(viewer, { url }, 200);
    await call(admin, { url: '/api/analysis/compare?countries=XA,XB' }, 200);
    await call(admin, { url: '/api/analysis/resilience?country=XA' }, 200);
    await call(admin, { url: '/api/analysis/resilience?country=XC' }, 404);
    for (const goal of ['close_gaps', 'harden'])
      await call(admin, { url: `/api/analysis/plan?country=XA&goal=${goal}&budget=20` }, 200);
    await call(admin, { url: '/api/analysis/plan?country=XA&goal=close_gaps' }, 200);
    await call(admin, { url: '/api/analysis/plan?country=XA&goal=harden&budget=21', invalidRequest: true }, 400);
    await call(
      admin,
      { method: 'post', url: '/api/analysis/what-if', body: { country: 'XA', removeFlows: ['xa-f1'] } },
      200,
    );
    const frozen = await call(
      admin,
      { method: 'post', url: '/api/rounds', body: { name: 'first', country: 'XA' } },
      201,
    );
    const round = json(frozen);
    expect(frozen.responseHeaders.location).toBe(`/api/rounds/${round.id}`);
    await call(admin, { method: 'post', url: '/api/rounds', body: { name: 'first', country: 'XA' } }, 409);
    await call(admin, { url: '/api/rounds?country=XA' }, 200);
    await call(admin, { url: `/api/rounds/compare?country=XA&from=${round.id}` }, 200);
    await call(admin, { url: `/api/rounds/${round.id}` }, 200);
    await call(admin, { method: 'delete', url: `/api/rounds/${round.id}` }, 200);
    await call(admin, { url: '/api/to-confirm?country=XA' }, 200);
    await call(admin, { url: '/api/audit?limit=5&country=XA&kind=flow' }, 200);
    await call(admin, { url: '/api/audit/actors' }, 200);
    // The change feed: an id this trail has not reached gets `reload` and the stream ends (a live stream never would).
    await call(admin, { url: '/api/events?lastEventId=999999999' }, 200);
    await call(anonymous, { url: '/api/events' }, 401);
    // Presence: a tab says what it shows, the list, the tab leaving (bad input: events.test.ts).
    const tab = { tab: 'tab-contract-1', country: 'XA', view: 'map', editing: { kind: 'flow', key: 'xa-f1' } };
    await call(admin, { method: 'post', url: '/api/presence', body: tab }, 200);
    await call(admin, { url: '/api/presence' }, 200);
    await call(admin, { method: 'delete', url: '/api/presence/tab-contract-1' }, 200);
  });

  test('when the map is exported and imported in every format, and the template fetched, then every exchange matches', async () => {
    const exports: Record<string, Exchange> = {};
    for (const format of ['json', 'yaml', 'xlsx', 'csv', 'graphml', 'gexf']) {
      exports[format] = await call(admin, { url: `/api/export?country=XA&format=${format}` }, 200);
    }
    await call(admin, { url: '/api/export' }, 200);
    await call(admin, { url: '/api/export?format=gexf&gexfVersion=1.3' }, 200);
    await call(admin, { url: '/api/template' }, 200);
    await call(admin, { url: '/api/template?format=csv' }, 200);
    const doc = json(exports.json!);
    await call(admin, { method: 'post', url: '/api/import?dryRun=true', body: doc }, 200);
    await call(admin, { method: 'post', url: '/api/import?mode=merge&onConflict=keep', body: doc }, 200);
    await call(
      admin,
      {
        method: 'post',
        url: '/api/import?dryRun=true',
        headers: { 'Content-Type': 'application/yaml' },
        body: YAML.stringify(doc),
      },
      200,
    );
    await call(
      admin,
      {
        method: 'post',
        url: '/api/import?dryRun=true',
        headers: { 'Content-Type': XLSX },
        body: exports.xlsx!.responseBody,
      },
      200,
    );
    await call(
      admin,
      {
        method: 'post',
        url: '/api/import?dryRun=true',
        headers: { 'Content-Type': 'application/zip' },
        body: exports.csv!.responseBody,
      },
      200,
    );
    const csv = 'id,name,country,type\nxa-csv,From CSV,XA,ngo\n';
    await call(
      admin,
      {
        method: 'post',
        url: '/api/import?dryRun=true&sheet=stakeholders',
        headers: { 'Content-Type': 'text/csv' },
        body: csv,
      },
      200,
    );
  });

  test('when reports are asked as HTML, PDF and JSON, then every exchange matches (a PDF without Chromium is a documented 503)', async () => {
    for (const format of ['', '?format=html', '?format=json', '?format=pdf']) {
      const country = await call(admin, { url: `/api/reports/country/XA${format}` });
      const region = await call(admin, { url: `/api/reports/region${format}` });
      for (const ex of [country, region]) expect(format === '?format=pdf' ? [200, 503] : [200]).toContain(ex.status);
    }
  }, 120000);

  test('when accounts and sessions are used, then every exchange matches', async () => {
    await call(admin, { url: '/api/accounts' }, 200);
    await call(
      admin,
      { method: 'post', url: '/api/accounts', body: { username: 'newbie', role: 'viewer', password: TEST_PASSWORD } },
      201,
    );
    await call(
      admin,
      { method: 'post', url: '/api/accounts', body: { username: 'newbie', role: 'viewer', password: TEST_PASSWORD } },
      409,
    );
    await call(
      admin,
      { method: 'put', url: '/api/accounts/newbie', body: { displayName: 'New Bie', role: 'editor' } },
      200,
    );
    const login = await call(
      anonymous,
      { method: 'post', url: '/api/auth/login', body: { username: 'newbie', password: TEST_PASSWORD } },
      200,
    );
    const cookie = String(login.responseHeaders['set-cookie']).split(';')[0]!;
    await call(anonymous, { url: '/api/auth/me', headers: { cookie } }, 200);
    await call(
      anonymous,
      {
        method: 'post',
        url: '/api/auth/password',
        headers: { cookie },
        body: { currentPassword: TEST_PASSWORD, newPassword: 'another password 42' },
      },
      200,
    );
    await call(anonymous, { method: 'post', url: '/api/auth/logout', headers: { cookie } }, 200);
    await call(admin, { method: 'delete', url: '/api/accounts/newbie' }, 200);
    await call(admin, { method: 'delete', url: '/api/accounts/newbie' }, 404);
  });

  test('when requests go wrong (400, 401, 403, 404, 413, 415, 429), then the errors match the document too', async () => {
    // 400: what the document already refuses, and the server too.
    for (const url of [
      '/api/graph?country=Sweden',
      '/api/graph?country=se',
      '/api/graph?contry=XA',
      '/api/stakeholders?ncp=maybe',
      '/api/audit?limit=0',
    ]) {
      await call(admin, { url, invalidRequest: true }, 400);
    }
    await call(
      admin,
      { method: 'post', url: '/api/flows', body: { id: 'xa-bad', from: 'xa-ngo' }, invalidRequest: true },
      400,
    );
    await call(
      admin,
      {
        method: 'post',
        url: '/api/flows',
        body: { id: 'xa-bad', from: 'xa-ngo', to: 'nobody', indicators: ['VIC-05'], basis: 'project' },
      },
      400,
    );
    await call(
      admin,
      {
        method: 'post',
        url: '/api/flows',
        headers: { 'Content-Type': 'application/json' },
        body: '{"id": ',
        invalidRequest: true,
      },
      400,
    );
    // 401
    await call(anonymous, { url: '/api/stakeholders' }, 401);
    await call(anonymous, { url: '/api/auth/me' }, 401);
    await call(
      anonymous,
      { method: 'post', url: '/api/auth/login', body: { username: 'admin', password: 'wrong password 123' } },
      401,
    );
    // 403: a role that may not, and a write from another site.
    await call(viewer, { method: 'post', url: '/api/flows', body: ITEMS[7]!.item }, 403);
    await call(viewer, { url: '/api/accounts' }, 403);
    await call(
      admin,
      { method: 'post', url: '/api/rounds', headers: { Origin: 'https://evil.example' }, body: { name: 'x' } },
      403,
    );
    // 404
    await call(admin, { url: '/api/stakeholders/nobody' }, 404);
    await call(admin, { url: '/api/graph?country=XQ' }, 404);
    // 413: one byte over the 25 MB limit.
    const huge = Buffer.alloc(UPLOAD_LIMIT_BYTES + 1, ' ');
    await call(
      admin,
      { method: 'post', url: '/api/import', headers: { 'Content-Type': 'application/json' }, body: huge },
      413,
    );
    // 415: a type the import does not take, and bytes that are no spreadsheet.
    await call(
      admin,
      {
        method: 'post',
        url: '/api/import',
        headers: { 'Content-Type': 'text/plain' },
        body: 'hello',
        invalidRequest: true,
      },
      415,
    );
    await call(
      admin,
      {
        method: 'post',
        url: '/api/import',
        headers: { 'Content-Type': XLSX },
        body: Buffer.from('not a workbook at all'),
      },
      415,
    );
    // 429: failed sign-ins until the username is locked out.
    await createTestAccount(store, { role: 'viewer', username: 'locked' });
    let last: Exchange | undefined;
    for (let i = 0; i < 30 && last?.status !== 429; i++) {
      last = await call(anonymous, {
        method: 'post',
        url: '/api/auth/login',
        body: { username: 'locked', password: 'wrong password 123' },
      });
    }
    expect(last?.status).toBe(429);
    expect(json(last!).error.retryAfter).toBeGreaterThan(0);
    // A 25 MB upload and up to 30 password hashes: minutes on a busy 2-core machine, no assertion on the time.
  }, 240000);

  test('when the store is down, then health and the other routes answer the documented 503', async () => {
    outage.on = true;
    try {
      await call(anonymous, { url: '/api/health' }, 503);
      await call(admin, { url: '/api/health' }, 503);
      await call(admin, { url: '/api/stakeholders' }, 503);
      await call(admin, { url: '/api/analysis/coverage?country=XA' }, 503);
      await call(admin, { method: 'post', url: '/api/flows', body: ITEMS[7]!.item }, 503);
    } finally {
      outage.on = false;
    }
  });

  test('when every recorded exchange is checked against the document, then none departs from it, and every route was called', () => {
    const violations = recorded.flatMap((ex) => checker.violations(ex));
    expect(violations).toEqual([]);
    expect(recorded.length).toBeGreaterThan(150);
    const statuses = new Set(recorded.map((ex) => ex.status));
    for (const s of [200, 201, 400, 401, 403, 404, 409, 413, 415, 429, 503]) expect(statuses).toContain(s);
    const paths = checker.document.paths as Record<string, Record<string, unknown>>;
    const called = new Set(recorded.map((ex) => checker.operationOf(ex)).filter(Boolean));
    const all = Object.values(paths).flatMap((ops) =>
      Object.values(ops).map((op) => (op as { operationId: string }).operationId),
    );
    expect(all.filter((id) => !called.has(id))).toEqual([]);
    console.log(
      `OpenAPI contract: ${recorded.length} exchanges over ${all.length} operations, ${violations.length} violations`,
    );
  });

  test("when the document is wrong on purpose (a field's type, a media type, an error status), then the checker finds it", async () => {
    const wrong = structuredClone(checker.document) as any;
    wrong.components.schemas.Stakeholder.properties.name = { type: 'integer' };
    delete wrong.paths['/api/export'].get.responses['200'].content['application/yaml'];
    delete wrong.paths['/api/auth/login'].post.responses['429'];
    const strict = await ContractChecker.create(wrong);
    const found = recorded.flatMap((ex) => strict.violations(ex));
    expect(found.some((v) => v.includes('/name'))).toBe(true);
    expect(found.some((v) => v.includes('answered application/yaml'))).toBe(true);
    expect(found.some((v) => v.includes('status 429 is not documented'))).toBe(true);
  });
});
