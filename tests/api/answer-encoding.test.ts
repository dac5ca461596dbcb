// A cached JSON answer to a GET of a fixed path is encoded by route.ts from bytes kept with the answer (encoding.ts),
// not by the compression middleware on every request; it must answer exactly as the middleware does. The same
// route under another spelling of its path (/API/...) still goes through the middleware: it is the reference.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { answerBytes, encodedBytes } from '../../server/api/answer';
import { encodingFor } from '../../server/api/encoding';
import { fixedGetRoutes, type RouteDef } from '../../server/api/route';
import { createApp } from '../../server/app';
import type { GraphStore } from '../../server/store/port';
import { createTestAccount, loginCookie } from '../support/auth';
import { smallMapStore } from '../support/small-store';

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function rawGet(base: string, path: string, headers: Record<string, string>, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function decoded(r: Raw): string {
  const encoding = r.headers['content-encoding'];
  if (encoding === 'gzip') return zlib.gunzipSync(r.body).toString();
  if (encoding === 'br') return zlib.brotliDecompressSync(r.body).toString();
  if (encoding === 'deflate') return zlib.inflateSync(r.body).toString();
  return r.body.toString();
}

/** What must be the same as the middleware's answer (it streams, so it sends no Content-Length when it encodes). */
function seen(r: Raw) {
  const { date: _date, 'content-length': _length, 'transfer-encoding': _chunked, ...headers } = r.headers;
  return { status: r.status, headers, body: decoded(r) };
}

const ACCEPT_ENCODINGS = [
  undefined,
  '',
  'gzip',
  'deflate',
  'br',
  'GZIP',
  'gzip, deflate, br, zstd',
  'deflate, gzip',
  'gzip;q=0.5, br;q=0.4',
  'gzip;q=1, deflate;q=1',
  'identity',
  '*',
  '*;q=0',
  'br;q=0, *',
  'identity;q=0, gzip;q=0',
  'x-unknown',
  'zstd, identity;q=0.5',
];

describe('JSON answers encoded from kept bytes', () => {
  let store: GraphStore;
  let server: http.Server;
  let base: string;
  let cookie: string;

  beforeAll(async () => {
    store = await smallMapStore();
    await createTestAccount(store, { role: 'editor' });
    const app = createApp({ store });
    cookie = await loginCookie(app, 'editor');
    server = await new Promise<http.Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await store.close();
  });

  test('when a cached answer is asked with each Accept-Encoding, then status, headers and body are what the compression middleware gives', async () => {
    const paths = ['/graph?country=XA', '/countries', '/analysis/coverage', '/analysis/bottlenecks?country=XA'];
    let encoded = 0;
    for (const path of paths) {
      for (const accept of ACCEPT_ENCODINGS) {
        const headers: Record<string, string> = {
          cookie,
          ...(accept !== undefined ? { 'accept-encoding': accept } : {}),
        };
        for (const method of ['GET', 'HEAD']) {
          const ours = await rawGet(base, `/api${path}`, headers, method);
          const reference = await rawGet(base, `/API${path}`, headers, method);
          expect({ path, accept, method, ...seen(ours) }).toEqual({ path, accept, method, ...seen(reference) });
          if (ours.headers['content-encoding']) {
            encoded++;
            expect(Number(ours.headers['content-length'])).toBe(ours.body.length);
          }
        }
        // 304 to the ETag, as the middleware sends it.
        const etag = (await rawGet(base, `/api${path}`, headers)).headers.etag!;
        const notModified = await rawGet(base, `/api${path}`, { ...headers, 'if-none-match': etag });
        expect(seen(notModified)).toEqual(
          seen(await rawGet(base, `/API${path}`, { ...headers, 'if-none-match': etag })),
        );
        expect(notModified.status).toBe(304);
      }
    }
    expect(encoded).toBeGreaterThanOrEqual(10); // some answers are 1 kB or more, and were compressed
  });

  test('when such a GET is not signed in or asks for what is not there, then its 401 and 404 are what the middleware gives', async () => {
    for (const accept of ['gzip, deflate, br', undefined]) {
      const headers: Record<string, string> = accept ? { 'accept-encoding': accept } : {};
      const signedOut = await rawGet(base, '/api/countries', headers);
      expect(signedOut.status).toBe(401);
      expect(seen(signedOut)).toEqual(seen(await rawGet(base, '/API/countries', headers)));
      const missing = await rawGet(base, '/api/graph?country=ZZ', { ...headers, cookie });
      expect(missing.status).toBe(404);
      expect(seen(missing)).toEqual(seen(await rawGet(base, '/API/graph?country=ZZ', { ...headers, cookie })));
      if (accept) expect(signedOut.headers.vary).toBe('Accept-Encoding');
    }
  });

  test("when an answer's encoded bytes are asked twice, then they are made once", async () => {
    const bytes = answerBytes({ big: 'x'.repeat(5000) });
    const first = encodedBytes(bytes, 'br');
    expect(encodedBytes(bytes, 'br')).toBe(first);
    expect(zlib.brotliDecompressSync(await first).toString()).toBe(bytes.body.toString());
    expect(encodingFor('gzip, deflate, br')).toBe('br');
    expect(encodingFor('identity')).toBeUndefined();
  });
});

describe('fixedGetRoutes', () => {
  const route = (method: RouteDef['method'], path: string): RouteDef => ({
    method,
    path,
    summary: '',
    tag: '',
    access: 'read',
    handler: () => Promise.resolve({}),
  });

  test('when a route with a parameter or a pattern registered before a fixed path could take it, then that path is left to Express', () => {
    const routes = [
      route('get', '/rounds/:id'),
      route('get', '/rounds/compare'),
      route('get', '/Countries'),
      route('get', '/countries'),
      route('post', '/graph'),
      route('get', '/graph'),
      route('get', '/files/*rest'),
      route('get', '/files/list'),
      route('get', '/stakeholders/:id'),
    ];
    expect([...fixedGetRoutes(routes).keys()]).toEqual(['/Countries', '/graph']);
  });
});
