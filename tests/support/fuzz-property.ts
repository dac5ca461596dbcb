// The fuzz property over the API's own route table: every mutating route gets random and malformed
// requests; none may answer 5xx, a 4xx must explain itself without a stack, and after a 4xx the store
// (region export, rounds, audit trail, store version, accounts) must be exactly as before. Also the signed-in
// apps and the value pool the fuzz works with. Shared by both stores.
import fc from 'fast-check';
import { zipSync } from 'fflate';
import request from 'supertest';
import YAML from 'yaml';
import type { Express } from 'express';
import { createApp } from '../../server/app';
import type { Logger } from '../../server/logger';
import type { RouteDef } from '../../server/api/route';
import type { Clock } from '../../server/auth/clock';
import type { MapDocument } from '../../server/model';
import type { GraphStore } from '../../server/store/port';
import { catalogue } from './catalogue';
import { createTestAccount, signedIn } from './auth';
import {
  FUZZ_SEED,
  brokenJsonText,
  deepJsonText,
  encodeLoose,
  headerValue,
  hostileJson,
  hostileQuery,
  hostilePathValue,
  hostileString,
  jsonSchemaOf,
  knownPathValue,
  nearlyValid,
  objectOf,
  plausible,
  plausibleQuery,
  ValuePool,
  type JsonSchema,
} from './fuzz';

const MUTATING = new Set(['post', 'put', 'patch', 'delete']);

export const routeKey = (r: Pick<RouteDef, 'method' | 'path'>): string => `${r.method.toUpperCase()} ${r.path}`;

/**
 * Mutating routes the fuzz leaves out, each with its reason. Empty: every mutating route is fuzzed. An
 * entry naming a route that no longer exists fails the coverage test.
 */
export const EXCLUDED: Readonly<Record<string, string>> = {};

/** The POST/PUT/PATCH/DELETE routes of a route table, minus the excluded ones. */
export function mutatingRoutes(routes: readonly RouteDef[]): RouteDef[] {
  return routes.filter((r) => MUTATING.has(r.method) && !(routeKey(r) in EXCLUDED));
}

export interface FuzzRequest {
  method: RouteDef['method'];
  /** The path below /api, already encoded (or deliberately broken). */
  path: string;
  query: string;
  headers: Record<string, string>;
  contentType?: string;
  body?: string | Buffer;
}

/** How a failing request is printed by fast-check: long bodies cut, so the report stays readable. */
function printable(req: FuzzRequest): FuzzRequest & { [fc.toStringMethod]: () => string } {
  return Object.assign(req, {
    [fc.toStringMethod]: () => {
      const body = req.body === undefined ? '' : Buffer.isBuffer(req.body) ? `<${req.body.length} bytes>` : req.body;
      const cut = (s: string) => (s.length > 600 ? `${s.slice(0, 600)}… (${s.length} chars)` : s);
      return (
        `${req.method.toUpperCase()} /api${cut(req.path)}${req.query ? `?${cut(req.query)}` : ''} ${JSON.stringify(req.headers)} ` +
        `[${req.contentType ?? 'no body'}] ${cut(JSON.stringify(body))}`
      );
    },
  });
}

const json = (value: unknown): string => JSON.stringify(value) ?? 'null';

const SPREADSHEET_ENTRY_NAMES = [
  'stakeholders.csv',
  'flows.csv',
  '[Content_Types].xml',
  'xl/workbook.xml',
  'xl/worksheets/sheet1.xml',
  '../evil.csv',
  'README.txt',
];

/** Bytes for a route's non-JSON body types: YAML text, CSV-ish text, raw bytes, or a ZIP of junk entries. */
function otherBody(type: string, schema: JsonSchema | undefined, pool: ValuePool): fc.Arbitrary<string | Buffer> {
  if (/yaml/.test(type)) {
    return fc.oneof(
      (schema ? nearlyValid(schema, pool) : hostileJson).map((v) => YAML.stringify(v) ?? ''),
      fc.constantFrom(
        'a: &x [*x]',
        'a: !!js/function "x"',
        '? [a]\n: 1',
        '__proto__: {polluted: yes}\nformatVersion: 1',
        ':\n-\n',
        '%YAML 9\n---',
      ),
      hostileString,
    );
  }
  const csvText = fc
    .array(
      fc.array(
        hostileString.filter((s) => s.length < 400),
        { maxLength: 5 },
      ),
      { maxLength: 6 },
    )
    .map((rows) => rows.map((r) => r.join(',')).join('\n'));
  if (/csv|excel/.test(type))
    return fc.oneof(
      csvText,
      fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b)),
    );
  const entries = fc.array(
    fc.tuple(
      fc.constantFrom(...SPREADSHEET_ENTRY_NAMES),
      fc.oneof(
        csvText.map((t) => Buffer.from(t)),
        fc.uint8Array({ maxLength: 300 }),
      ),
    ),
    { maxLength: 4 },
  );
  return fc.oneof(
    fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b)),
    fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), b])),
    entries.map((files) =>
      Buffer.from(zipSync(Object.fromEntries(files.map(([name, data]) => [name, new Uint8Array(data)])))),
    ),
  );
}

type Body = { contentType?: string; body?: string | Buffer };

const pathParams = (route: RouteDef): string[] => [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);

/**
 * The keys that exist for a route's path parameters, read through the API: the items of the collection
 * the path starts with (`/flows/:id` -> GET /api/flows) that carry every parameter as a string.
 */
export async function existingKeys(app: Express, route: RouteDef): Promise<string[][]> {
  const names = pathParams(route);
  const collection = route.path.split('/')[1];
  if (!names.length || !collection) return [];
  const res = await request(app).get(`/api/${collection}`);
  if (res.status !== 200) return [];
  const found: string[][] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const rec = value as Record<string, unknown>;
      const key = names.map((n) => rec[n]);
      if (key.every((v): v is string => typeof v === 'string')) found.push(key);
      Object.values(rec).forEach(walk);
    }
  };
  walk(res.body);
  return found;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** What a request gets wrong: nothing, or one part of it, or everything at once. */
type Corruption = 'none' | 'body' | 'path' | 'query' | 'headers' | 'content-type' | 'all';

/**
 * A request to one route: a plausible one (known path parameters, the route's own query parameters, a
 * body shaped by its schema from values the store holds), then most often one part of it made hostile,
 * so that refusals come from every layer (parsing, validation, references, versions, the use case).
 */
export function requestArb(
  route: RouteDef,
  pool: ValuePool,
  options: { keys?: string[][] } = {},
): fc.Arbitrary<FuzzRequest> {
  const names = pathParams(route);
  const fill = (values: string[]) => values.reduce<string>((p, v, i) => p.replace(`:${names[i]}`, () => v), route.path);
  const anyKnown = fc.tuple(...names.map((n) => knownPathValue(n, pool))).map(fill);
  const keys = options.keys ?? [];
  const knownPath = keys.length
    ? fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...keys).map((k) => fill(k.map(encodeLoose))) },
        { weight: 1, arbitrary: anyKnown },
      )
    : anyKnown;
  const badPath = names.length
    ? fc.tuple(fc.nat(), ...names.map((n) => knownPathValue(n, pool)), hostilePathValue).map(([at, ...rest]) => {
        const values = rest.slice(0, names.length);
        values[at % names.length] = rest[names.length] as string;
        return fill(values);
      })
    : knownPath;
  const querySchema = route.query ? jsonSchemaOf(route.query) : undefined;
  const schema = route.body ? jsonSchemaOf(route.body) : undefined;
  /** A JSON body is kept as a value until the end, so that its key fields can follow the path. */
  type Draft = Body & { value?: unknown };
  const asJson = (text: fc.Arbitrary<string>): fc.Arbitrary<Draft> =>
    text.map((body) => ({ contentType: 'application/json', body }));
  const asValue = (value: fc.Arbitrary<unknown>): fc.Arbitrary<Draft> =>
    value.map((v) => ({ contentType: 'application/json', value: v }));
  // A body field named like a path parameter (the key) either repeats the path's value or is left out.
  const keyed = (body: unknown, path: string, copy: boolean): unknown => {
    if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
    const out = objectOf(Object.entries(body as Record<string, unknown>));
    const values = path.split('/').slice(-names.length);
    names.forEach((n, i) => {
      if (typeof out[n] !== 'string') return;
      if (copy) out[n] = safeDecode(values[i] ?? '');
      else delete out[n];
    });
    return out;
  };
  const goodBody: fc.Arbitrary<Draft> = schema ? asValue(plausible(schema, pool)) : fc.constant({});
  const badBody: fc.Arbitrary<Draft> = fc.oneof(
    { weight: 5, arbitrary: asValue(schema ? nearlyValid(schema, pool) : hostileJson) },
    { weight: 2, arbitrary: asValue(hostileJson) },
    { weight: 1, arbitrary: asJson(deepJsonText) },
    { weight: 1, arbitrary: asJson(brokenJsonText) },
    { weight: 1, arbitrary: fc.constant({}) },
  );
  const otherType: fc.Arbitrary<Draft> = fc.oneof(
    fc
      .tuple(
        fc.constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/json; charset=utf-16',
          'application/xml',
          'multipart/form-data; boundary=x',
        ),
        hostileString,
      )
      .map(([contentType, text]) => ({ contentType, body: text })),
    ...(route.bodyTypes ?? []).map((type) =>
      otherBody(type, schema, pool).map((b): Body => ({ contentType: type, body: b })),
    ),
  );
  const goodHeaders = fc.constantFrom<Record<string, string>>({}, { 'X-Actor': 'fuzzer' });
  // A Cookie of its own replaces the fuzz's session: a forged or broken session cookie must get a plain 401.
  const cookie = fc.oneof(
    headerValue.map((v) => `fa_session=${v}`),
    headerValue,
  );
  const encoding = fc.oneof(
    fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'gzip, gzip', 'x-unknown'),
    headerValue,
  );
  const badHeaders = fc.record(
    { 'If-Match': headerValue, 'X-Actor': headerValue, Cookie: cookie, 'Content-Encoding': encoding },
    { requiredKeys: [] },
  );
  const corruption = fc.oneof(
    { weight: 3, arbitrary: fc.constant<Corruption>('none') },
    { weight: 4, arbitrary: fc.constant<Corruption>('body') },
    { weight: 2, arbitrary: fc.constantFrom<Corruption>('path', 'query', 'headers', 'content-type', 'all') },
  );
  return corruption
    .chain((c) =>
      fc.record({
        path: c === 'path' || c === 'all' ? badPath : knownPath,
        query: c === 'query' || c === 'all' ? hostileQuery(querySchema, pool) : plausibleQuery(querySchema, pool),
        headers: c === 'headers' || c === 'all' ? badHeaders : goodHeaders,
        body: c === 'body' || c === 'all' ? badBody : c === 'content-type' ? otherType : goodBody,
        copyKey: fc.boolean(),
      }),
    )
    .map(({ path: p, query: q, headers: h, body: { value, ...b }, copyKey }) =>
      printable({
        method: route.method,
        path: p,
        query: q,
        headers: h,
        ...b,
        ...(value !== undefined ? { body: json(keyed(value, p, copyKey)) } : {}),
      }),
    );
}

/** The sign-in throttle's waits pass at once, so that failed sign-ins do not slow the fuzz. */
const instantClock: Clock = { now: () => new Date(), sleep: async () => {} };

export interface FuzzApps {
  /** The app signed in as the administrator the fuzz acts as. */
  app: Express;
  /** The app signed in as a second administrator, which reads the state. */
  reader: Express;
  /** The usernames of those two: the fuzz must not address them. */
  own: readonly string[];
  /** The server's last logged error. */
  lastError: () => string | undefined;
}

/**
 * The app over a store, signed in twice as administrators (`<prefix>-admin` acts, `<prefix>-reader` reads
 * the state), plus a viewer `<prefix>-target` for the account routes to work on. Real sessions, through
 * POST /api/auth/login.
 */
export async function fuzzApps(store: GraphStore, prefix: string): Promise<FuzzApps> {
  const errors: string[] = [];
  const logger: Logger = {
    info: () => {},
    warn: () => {},
    error: (msg, extra) => errors.push(`${msg} ${JSON.stringify(extra)}`),
  };
  const raw = createApp({ store, logger, clock: instantClock });
  const own = [`${prefix}-admin`, `${prefix}-reader`];
  const app = await signedIn(raw, store, { role: 'admin', username: own[0] });
  const reader = await signedIn(raw, store, { role: 'admin', username: own[1] });
  await createTestAccount(store, { role: 'viewer', username: `${prefix}-target` });
  return { app, reader, own, lastError: () => errors[errors.length - 1] };
}

/** Values for generated bodies: the map's own, and a few for fields it has no values of. */
export function poolOf(doc: MapDocument, prefix: string, extra: object = {}): ValuePool {
  return new ValuePool()
    .add(doc)
    .add(catalogue)
    .add({
      date: ['2010-04-12', '2026-02-30'],
      version: ['1', '2'],
      name: ['2026 follow-up'],
      email: ['office@ncp.example'],
      phone: ['+46 10 123 45 67'],
      url: ['https://office.example/contact'],
      username: [`${prefix}-target`, 'someone-else'],
      role: ['viewer', 'ncp'],
      countries: doc.countries.map((c) => c.code),
      includeStatuses: ['active', 'active,planned'],
      removeStakeholders: doc.stakeholders.map((x) => x.id),
      removeFlows: doc.flows.map((x) => x.id),
    })
    .add(extra);
}

export async function send(app: Express, req: FuzzRequest): Promise<request.Response> {
  let r = request(app)[req.method](`/api${req.path}${req.query ? `?${req.query}` : ''}`);
  for (const [k, v] of Object.entries(req.headers)) r = r.set(k, v);
  if (req.contentType !== undefined) r = r.set('Content-Type', req.contentType);
  if (req.body !== undefined) r = r.send(req.body);
  return r;
}

export interface StoreState {
  export: string;
  rounds: unknown;
  auditLength: number;
  newestAudit: number | undefined;
  storeVersion: number | undefined;
  accounts: unknown;
}

/**
 * What must not move after a refused request, read through the API by `reader` (an app signed in as an
 * account the fuzz leaves alone): the region export, the rounds, the audit trail, the store version and
 * the accounts.
 */
export async function storeState(reader: Express): Promise<StoreState> {
  const read = async (path: string) => {
    const res = await request(reader).get(path);
    if (res.status !== 200)
      throw new Error(`reading the state: GET ${path} answered ${res.status} ${res.text.slice(0, 200)}`);
    return res;
  };
  const exported = await read('/api/export');
  const rounds = await read('/api/rounds');
  const audit = await read('/api/audit?limit=1000');
  const health = await read('/api/health');
  const accounts = await read('/api/accounts');
  const entries = audit.body.entries as Array<{ seq: number }>;
  return {
    // When the export was taken is not state; its store version and items' versions are.
    export: JSON.stringify({ ...exported.body, exportedAt: undefined }),
    rounds: rounds.body,
    auditLength: entries.length,
    newestAudit: entries[0]?.seq,
    storeVersion: health.body.storeVersion,
    accounts: accounts.body,
  };
}

const STACK = /\bat .+\.(ts|js):\d+|node_modules\/|\.ts:\d+|"stack"/;

export interface FuzzStats {
  statuses: Record<number, number>;
  /** Requests the router took to this route (not "no API route"). */
  routed: number;
}

function seedOf(route: RouteDef): number {
  let h = FUZZ_SEED;
  for (const ch of routeKey(route)) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

/**
 * Runs the property against one route. `lastError` gives the server's last logged error, shown when a
 * request answered 5xx. Throws fast-check's report (seed, path, shrunk request) when the property fails.
 */
export async function fuzzRoute(
  app: Express,
  route: RouteDef,
  pool: ValuePool,
  options: {
    numRuns: number;
    /** Reads the state (storeState); signed in as an account that `mayAddress` keeps out of the fuzz's reach. */
    reader: Express;
    /** Whether the fuzz may address an existing key (path parameter values); default: any. */
    mayAddress?: (key: readonly string[]) => boolean;
    lastError?: () => string | undefined;
  },
): Promise<FuzzStats> {
  const stats: FuzzStats = { statuses: {}, routed: 0 };
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort().join();
  const { reader } = options;
  let before = await storeState(reader);
  const seed = seedOf(route);
  const keys = (await existingKeys(app, route)).filter((k) => options.mayAddress?.(k) ?? true);
  try {
    await fc.assert(
      fc.asyncProperty(requestArb(route, pool, { keys }), async (req) => {
        const res = await send(app, req);
        stats.statuses[res.status] = (stats.statuses[res.status] ?? 0) + 1;
        if (process.env.FUZZ_DEBUG)
          console.log(
            `${printable(req)[fc.toStringMethod]().slice(0, 400)} => ${res.status} ${res.text.slice(0, 300)}`,
          );
        const message: unknown = res.body?.error?.message;
        if (!(typeof message === 'string' && message.startsWith('no API route'))) stats.routed += 1;
        if (res.status >= 500 || res.status < 200 || (res.status >= 300 && res.status < 400)) {
          throw new Error(
            `answered ${res.status}: ${res.text.slice(0, 300)}\nserver log: ${options.lastError?.() ?? '(none)'}`,
          );
        }
        expect(Object.getOwnPropertyNames(Object.prototype).sort().join()).toBe(prototypeKeys);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        if (res.status < 400) {
          before = await storeState(reader);
          return;
        }
        expect(res.type).toBe('application/json');
        expect(typeof res.body.error?.code).toBe('string');
        expect(res.body.error.code.length).toBeGreaterThan(0);
        expect(typeof message).toBe('string');
        expect((message as string).trim().length).toBeGreaterThan(0);
        expect(res.text).not.toMatch(STACK);
        expect(await storeState(reader)).toEqual(before);
      }),
      { seed, numRuns: options.numRuns },
    );
  } catch (err) {
    (err as Error).message =
      `${routeKey(route)} (FUZZ_SEED=${FUZZ_SEED}, route seed ${seed}): ${(err as Error).message}`;
    throw err;
  }
  return stats;
}
