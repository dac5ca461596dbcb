// The permission matrix, built from the router's own route table (apiRoutes): every route x (no session, viewer,
// ncp of SE, editor, admin) against the status its declared rule implies, through an expectation table written
// here independently of server/auth/permissions.ts. Each route has a valid request, so "allowed" is checked as
// a real answer (2xx, or the sample's stated status), never a 401/403; "refused" as 401 or 403 with its code.
import express, { type Express } from 'express';
import request from 'supertest';
import { mountRoutes, type RouteDef } from '../../server/api/route';
import { apiRoutes, createApp } from '../../server/app';
import type { AccessRule, Role } from '../../server/model/roles';
import { emptyDocument, type Kind } from '../../server/model';
import type { GraphStore } from '../../server/store/port';
import { CoreGraphStore } from '../../server/store/core';
import { SqliteAdapter } from '../../server/store/sqlite/adapter';
import { signedIn } from '../support/auth';
import { nordicStore } from './access-fixture';

type Who = 'none' | Role;
const WHO: readonly Who[] = ['none', 'viewer', 'ncp', 'editor', 'admin'];

/** Who may call a route of each rule (the ncp is the NCP of SE; its requests stay in SE). From the design of issue 6. */
const ALLOWED: Record<AccessRule, readonly Who[]> = {
  public: ['none', 'viewer', 'ncp', 'editor', 'admin'],
  'signed-in': ['viewer', 'ncp', 'editor', 'admin'],
  read: ['viewer', 'ncp', 'editor', 'admin'],
  audit: ['ncp', 'editor', 'admin'],
  edit: ['ncp', 'editor', 'admin'],
  catalogue: ['admin'],
  import: ['ncp', 'editor', 'admin'],
  rounds: ['ncp', 'editor', 'admin'],
  admin: ['admin'],
};

const PASSWORD = 'matrix-password-1';

interface Ctx {
  who: Who;
  store: GraphStore;
  /** The same app, signed in as an administrator (to arrange accounts). */
  admin: Express;
  /** The app without a session. */
  raw: Express;
  /** A number not used before in this store. */
  n(): number;
  /** A country code not used before in this store. */
  country(): string;
}

interface Sample {
  path: string;
  body?: unknown;
  /** A session of its own (e.g. to sign out without ending the role's session). */
  cookie?: string;
  /** The status when allowed, if not a 2xx. */
  status?: number;
}

/** A fresh account of `who`'s role (ncp of SE) signed in through the login route: its cookie. */
async function freshSession(ctx: Ctx): Promise<{ cookie?: string; username: string }> {
  const username = `fresh-${ctx.n()}`;
  if (ctx.who === 'none') return { username };
  await request(ctx.admin)
    .post('/api/accounts')
    .send({ username, role: ctx.who, password: PASSWORD, ...(ctx.who === 'ncp' ? { countries: ['SE'] } : {}) })
    .expect(201);
  const login = await request(ctx.raw).post('/api/auth/login').send({ username, password: PASSWORD }).expect(200);
  const cookie = ([] as string[])
    .concat(login.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, username };
}

async function newAccount(ctx: Ctx): Promise<string> {
  const username = `acc-${ctx.n()}`;
  await request(ctx.admin).post('/api/accounts').send({ username, role: 'viewer', password: PASSWORD }).expect(201);
  return username;
}

/** Per entity collection: a new item in SE (made with n), a change to it, and its key in the path. */
const ENTITIES: Record<
  string,
  {
    kind: Kind;
    item: (ctx: Ctx, n: number) => Promise<Record<string, unknown>>;
    change: Record<string, unknown>;
    key: (e: Record<string, unknown>) => string;
  }
> = {
  stakeholders: {
    kind: 'stakeholder',
    item: async (_c, n) => ({ id: `se-s${n}`, name: `S ${n}`, country: 'SE', type: 'police' }),
    change: { name: 'changed' },
    key: (e) => String(e.id),
  },
  datasets: {
    kind: 'dataset',
    item: async (_c, n) => ({
      id: `se-d${n}`,
      name: `D ${n}`,
      holder: 'se-police',
      indicators: ['VIC-01'],
      granularity: 'case',
      frequency: 'annual',
    }),
    change: { name: 'changed' },
    key: (e) => String(e.id),
  },
  flows: {
    kind: 'flow',
    item: async (_c, n) => ({
      id: `se-f${n}`,
      from: 'se-police',
      to: 'se-ncp',
      indicators: ['VIC-01'],
      basis: 'statutory',
    }),
    change: { basis: 'informal' },
    key: (e) => String(e.id),
  },
  'reporting-lines': {
    kind: 'reportingLine',
    item: async (_c, n) => ({ id: `se-r${n}`, from: 'se-ngo', to: 'se-ncp', kind: 'funding' }),
    change: { kind: 'mandate' },
    key: (e) => String(e.id),
  },
  networks: {
    kind: 'network',
    item: async (_c, n) => ({ id: `se-n${n}`, name: `N ${n}`, country: 'SE', kind: 'working_group' }),
    change: { name: 'changed' },
    key: (e) => String(e.id),
  },
  memberships: {
    kind: 'membership',
    item: async (ctx, n) => {
      await ctx.store.create('stakeholder', { id: `se-m${n}`, name: `M ${n}`, country: 'SE', type: 'ngo' }, 'fixture');
      return { stakeholder: `se-m${n}`, network: 'se-net', role: 'member' };
    },
    change: { role: 'chair' },
    key: (e) => `${String(e.stakeholder)}/${String(e.network)}`,
  },
  interviews: {
    kind: 'interview',
    item: async (_c, n) => ({ id: `se-i${n}`, date: '2011-01-02', stakeholder: 'se-police', round: '2011' }),
    change: { round: '2012' },
    key: (e) => String(e.id),
  },
  countries: {
    kind: 'country',
    item: async (ctx, n) => ({ code: ctx.country(), name: `Country ${n}`, euMember: true, cbssMember: false }),
    change: { name: 'changed' },
    key: (e) => String(e.code),
  },
  themes: {
    kind: 'theme',
    item: async (_c, n) => ({ code: `TEST_${n}`, name: `Theme ${n}` }),
    change: { name: 'changed' },
    key: (e) => String(e.code),
  },
  indicators: {
    kind: 'indicator',
    item: async (_c, n) => ({ code: `TST-${String(n).padStart(3, '0')}`, name: `Indicator ${n}`, themes: ['CASES'] }),
    change: { name: 'changed' },
    key: (e) => String(e.code),
  },
};
/** Countries not in the fixture, each used once per store. */
const COUNTRY_POOL = ['FR', 'IT', 'ES', 'PT', 'NL', 'BE', 'AT', 'CH', 'IE', 'GR', 'HU', 'CZ'];

async function arrangeItem(ctx: Ctx, collection: string): Promise<{ path: string; item: Record<string, unknown> }> {
  const spec = ENTITIES[collection]!;
  const item = await spec.item(ctx, ctx.n());
  await ctx.store.create(spec.kind, item, 'fixture');
  return { path: `/api/${collection}/${spec.key(item)}`, item };
}

const SAMPLES: Record<string, (ctx: Ctx) => Promise<Sample>> = {
  'GET /health': async () => ({ path: '/api/health' }),
  'GET /reference': async () => ({ path: '/api/reference' }),
  'GET /openapi.json': async () => ({ path: '/api/openapi.json' }),
  'GET /countries': async () => ({ path: '/api/countries' }),
  'GET /graph': async () => ({ path: '/api/graph?country=SE' }),
  'POST /import': async (ctx) => ({
    path: '/api/import?mode=merge',
    body: {
      ...emptyDocument(),
      countries: [],
      stakeholders: [{ id: `se-imp${ctx.n()}`, name: 'Imported', country: 'SE', type: 'ngo' }],
    },
  }),
  'GET /export': async () => ({ path: '/api/export?country=SE&format=json' }),
  'GET /template': async () => ({ path: '/api/template?format=csv' }),
  'GET /audit': async () => ({ path: '/api/audit?limit=5' }),
  'GET /audit/actors': async () => ({ path: '/api/audit/actors' }),
  // An id this trail has not reached: the stream sends `reload` and ends, so the request finishes.
  'GET /events': async () => ({ path: '/api/events?lastEventId=999999999' }),
  'GET /presence': async () => ({ path: '/api/presence' }),
  'POST /presence': async (ctx) => ({
    path: '/api/presence',
    body: { tab: `tab-matrix-${ctx.n()}`, country: 'SE', view: 'map', editing: null },
  }),
  'DELETE /presence/:tab': async (ctx) => ({ path: `/api/presence/tab-matrix-${ctx.n()}` }),
  'GET /analysis/coverage': async () => ({ path: '/api/analysis/coverage?country=SE' }),
  'GET /analysis/suggestions': async () => ({ path: '/api/analysis/suggestions?country=SE' }),
  'GET /analysis/bottlenecks': async () => ({ path: '/api/analysis/bottlenecks?country=SE' }),
  'POST /analysis/what-if': async () => ({
    path: '/api/analysis/what-if',
    body: { country: 'SE', removeFlows: ['se-f1'] },
  }),
  'GET /analysis/ncp': async () => ({ path: '/api/analysis/ncp?country=SE' }),
  'GET /analysis/compare': async () => ({ path: '/api/analysis/compare?countries=SE,NO' }),
  'GET /analysis/resilience': async () => ({ path: '/api/analysis/resilience?country=SE' }),
  'GET /analysis/plan': async () => ({ path: '/api/analysis/plan?country=SE&goal=close_gaps&budget=2' }),
  'POST /rounds': async (ctx) => ({ path: '/api/rounds', body: { name: `round ${ctx.n()}`, country: 'SE' } }),
  'GET /rounds': async () => ({ path: '/api/rounds?country=SE' }),
  'GET /rounds/compare': async (ctx) => {
    const round = await ctx.store.freezeRound({ name: `round ${ctx.n()}`, country: 'SE' }, 'fixture');
    return { path: `/api/rounds/compare?country=SE&from=${round.id}` };
  },
  'GET /rounds/:id': async (ctx) => ({
    path: `/api/rounds/${(await ctx.store.freezeRound({ name: `round ${ctx.n()}`, country: 'SE' }, 'fixture')).id}`,
  }),
  'DELETE /rounds/:id': async (ctx) => ({
    path: `/api/rounds/${(await ctx.store.freezeRound({ name: `round ${ctx.n()}`, country: 'SE' }, 'fixture')).id}`,
  }),
  'GET /to-confirm': async () => ({ path: '/api/to-confirm?country=SE' }),
  'GET /reports/country/:country': async () => ({ path: '/api/reports/country/SE?format=json' }),
  'GET /reports/region': async () => ({ path: '/api/reports/region?format=json' }),
  // Accounts and sessions (the accounts' own tests go deeper).
  // With a cookie of its own: signing in replaces the session the request carries, which is the role's.
  'POST /auth/login': async (ctx) => ({
    path: '/api/auth/login',
    cookie: 'unrelated=1',
    body: { username: await newAccount(ctx), password: PASSWORD },
  }),
  'POST /auth/logout': async (ctx) => ({ path: '/api/auth/logout', cookie: (await freshSession(ctx)).cookie }),
  // Public, so that the client can ask; without a session its answer is the 401 of "not signed in".
  'GET /auth/me': async (ctx) => ({ path: '/api/auth/me', ...(ctx.who === 'none' ? { status: 401 } : {}) }),
  'POST /auth/password': async (ctx) => ({
    path: '/api/auth/password',
    cookie: (await freshSession(ctx)).cookie,
    body: { currentPassword: PASSWORD, newPassword: 'another-password-2' },
  }),
  'GET /accounts': async () => ({ path: '/api/accounts' }),
  'POST /accounts': async (ctx) => ({
    path: '/api/accounts',
    body: { username: `acc-${ctx.n()}`, role: 'viewer', password: PASSWORD },
  }),
  'PUT /accounts/:username': async (ctx) => ({
    path: `/api/accounts/${await newAccount(ctx)}`,
    body: { displayName: 'Changed' },
  }),
  'DELETE /accounts/:username': async (ctx) => ({ path: `/api/accounts/${await newAccount(ctx)}` }),
};
for (const [collection, spec] of Object.entries(ENTITIES)) {
  const params = spec.key(Object.fromEntries(['id', 'code', 'stakeholder', 'network'].map((f) => [f, `:${f}`])));
  // GET /countries is the map's country list (countries have no entity list).
  SAMPLES[`GET /${collection}`] ??= async () => ({ path: `/api/${collection}?country=SE` });
  SAMPLES[`GET /${collection}/${params}`] = async (ctx) => ({ path: (await arrangeItem(ctx, collection)).path });
  SAMPLES[`POST /${collection}`] = async (ctx) => ({ path: `/api/${collection}`, body: await spec.item(ctx, ctx.n()) });
  SAMPLES[`PUT /${collection}/${params}`] = async (ctx) => {
    const { path, item } = await arrangeItem(ctx, collection);
    return { path, body: { ...item, ...spec.change, version: 1 } };
  };
  SAMPLES[`DELETE /${collection}/${params}`] = async (ctx) => ({
    path: `${(await arrangeItem(ctx, collection)).path}?version=1`,
  });
}

// The route table itself, read once (the store is never opened: route factories only keep it).
const tableStore = new CoreGraphStore(new SqliteAdapter(':memory:'));
const ROUTES = apiRoutes({ store: tableStore });
const routeName = (r: { method: string; path: string }) => `${r.method.toUpperCase()} ${r.path}`;

interface Caller {
  store: GraphStore;
  app: Express;
  ctx: Ctx;
}
const callers = new Map<Who, Caller>();

beforeAll(async () => {
  for (const who of WHO) {
    const store = await nordicStore();
    const raw = createApp({ store });
    const admin = await signedIn(raw, store, { role: 'admin', username: 'arranger' });
    const app =
      who === 'none'
        ? raw
        : await signedIn(raw, store, {
            role: who,
            username: `matrix-${who}`,
            ...(who === 'ncp' ? { countries: ['SE'] } : {}),
          });
    let counter = 0;
    let countries = 0;
    const country = () => COUNTRY_POOL[countries++] ?? 'ZZ';
    callers.set(who, { store, app, ctx: { who, store, admin, raw, n: () => ++counter, country } });
  }
});
afterAll(async () => {
  for (const { store } of callers.values()) await store.close();
  await tableStore.close().catch(() => undefined);
});

describe('the route table', () => {
  test('when the router is built, then every route declares a rule that the expectation table knows and has a sample request', () => {
    expect(ROUTES.length).toBeGreaterThan(60);
    const unknownRule = ROUTES.filter((r) => !Object.prototype.hasOwnProperty.call(ALLOWED, r.access)).map(routeName);
    const noSample = ROUTES.filter((r) => !SAMPLES[routeName(r)]).map(routeName);
    expect({ unknownRule, noSample }).toEqual({ unknownRule: [], noSample: [] });
  });

  test('when a route without a rule is added to the table, then mounting it throws at start-up naming it', () => {
    const bad = {
      ...ROUTES.find((r) => r.method === 'get')!,
      path: '/no-rule',
      access: undefined,
    } as unknown as RouteDef;
    expect(() => mountRoutes(express.Router(), [...ROUTES, bad])).toThrow(/GET \/api\/no-rule/);
    expect(() => mountRoutes(express.Router(), ROUTES)).not.toThrow();
  });
});

describe.each(ROUTES.map((r) => [routeName(r), r.access] as const))('%s (%s)', (name, rule) => {
  test.each(WHO.map((w) => [w]))('when %s calls it, then it gets the status its rule gives', async (who) => {
    const caller = callers.get(who)!;
    const arrange = SAMPLES[name];
    if (!arrange) throw new Error(`no sample request for ${name}: add one to SAMPLES`);
    const sample = await arrange(caller.ctx);
    const method = name.split(' ')[0]!.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
    let req = request(caller.app)[method](sample.path);
    if (sample.cookie) req = req.set('Cookie', sample.cookie);
    const res = sample.body === undefined ? await req : await req.send(sample.body as object);
    const allowed = (ALLOWED[rule] ?? []).includes(who);
    const seen = { who, status: res.status, error: res.status >= 400 ? res.body?.error : undefined };
    if (allowed) {
      const ok = sample.status !== undefined ? res.status === sample.status : res.status >= 200 && res.status < 300;
      expect({ ...seen, ok }).toMatchObject({ who, ok: true });
    } else if (who === 'none') {
      expect(seen).toEqual({ who, status: 401, error: { code: 'unauthenticated', message: 'sign in first' } });
    } else {
      expect(seen).toMatchObject({ who, status: 403, error: { code: 'forbidden' } });
    }
  });
});
