// Serving the built client (server/static.ts) and compressing answers (issue 18 point 6): hashed assets go out
// as the brotli or gzip copy the build wrote beside them when the browser accepts it, cached for a year and
// immutable; index.html is never used from a cache without asking; the favicon is served; JSON answers are
// compressed when accepted. A client folder made by the test stands in for dist/client (no build needed).
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createApp } from '../../server/app';
import { VIEW_SOURCES } from '../../server/static';
import type { GraphStore } from '../../server/store/port';
import { smallMapStore } from '../support/small-store';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as sent (not decoded). */
  body: Buffer;
}

/** A request over a real socket, so that nothing decodes the answer on the way. */
function get(base: string, urlPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${urlPath}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const SCRIPT = `export const answer = ${JSON.stringify('the same line again '.repeat(400))};\n`;
const STYLE = `.x { color: red; }\n`.repeat(200);
const ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle cx="4" cy="4" r="4"/></svg>';

const MANIFEST = {
  'index.html': { file: 'assets/index-AbC123.js', isEntry: true, imports: ['_react-R1.js'] },
  '_react-R1.js': { file: 'assets/react-R1.js' },
  '_shared-S1.js': { file: 'assets/shared-S1.js', imports: ['_react-R1.js'], css: ['assets/shared-S1.css'] },
  'src/features/gaps/components/GapsView.tsx': {
    file: 'assets/GapsView-G1.js',
    imports: ['index.html', '_react-R1.js', '_shared-S1.js'],
    dynamicImports: ['_editor-E1.js'],
    css: ['assets/GapsView-G1.css'],
  },
  '_editor-E1.js': { file: 'assets/editor-E1.js' },
  'src/features/compare/components/CompareView.tsx': { file: 'assets/CompareView-C1.js', imports: ['index.html'] },
  'src/features/map/components/MapView.tsx': { file: 'assets/MapView-M1.js', imports: ['_shared-S1.js'] },
};

describe('the built client and compressed answers', () => {
  let dir: string;
  let store: GraphStore;
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-static-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(
      path.join(dir, 'index.html'),
      '<!doctype html><html><head><link rel="icon" href="/favicon.svg"></head><body><div id="root"></div></body></html>',
    );
    fs.writeFileSync(path.join(dir, 'favicon.svg'), ICON);
    const script = path.join(dir, 'assets', 'index-AbC123.js');
    fs.writeFileSync(script, SCRIPT);
    fs.writeFileSync(`${script}.br`, zlib.brotliCompressSync(SCRIPT));
    fs.writeFileSync(`${script}.gz`, zlib.gzipSync(SCRIPT));
    // A stylesheet with a gzip copy only, and a file with no copy at all.
    const style = path.join(dir, 'assets', 'index-DeF456.css');
    fs.writeFileSync(style, STYLE);
    fs.writeFileSync(`${style}.gz`, zlib.gzipSync(STYLE));
    fs.writeFileSync(path.join(dir, 'assets', 'tiny-GhI789.js'), 'export {};\n');
    // What the build says each chunk imports: the entry (React), and the views' chunks.
    fs.mkdirSync(path.join(dir, '.vite'));
    fs.writeFileSync(path.join(dir, '.vite', 'manifest.json'), JSON.stringify(MANIFEST));
    store = await smallMapStore();
    server = await new Promise<http.Server>((resolve) => {
      const s = createApp({ store, clientDir: dir }).listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('when a hashed script is asked for by a browser that accepts brotli, then its brotli copy is sent, as JavaScript, cached for a year and immutable', async () => {
    const res = await get(base, '/assets/index-AbC123.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
    expect(res.body.length).toBeLessThan(SCRIPT.length / 4);
  });

  test('when only gzip is accepted, then the gzip copy is sent; when nothing is, the file itself, both immutable and varying by Accept-Encoding', async () => {
    const gzip = await get(base, '/assets/index-AbC123.js', { 'Accept-Encoding': 'gzip, deflate' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.body).toString()).toBe(SCRIPT);
    expect(gzip.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const plain = await get(base, '/assets/index-AbC123.js', { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);

    // br refused outright (q=0): the next best copy.
    const noBr = await get(base, '/assets/index-AbC123.js', { 'Accept-Encoding': 'br;q=0, gzip' });
    expect(noBr.headers['content-encoding']).toBe('gzip');
  });

  test('when a stylesheet has only a gzip copy, then a brotli-accepting browser gets that, as CSS; a file without copies is still immutable', async () => {
    const css = await get(base, '/assets/index-DeF456.css', { 'Accept-Encoding': 'br, gzip' });
    expect(css.headers['content-encoding']).toBe('gzip');
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(zlib.gunzipSync(css.body).toString()).toBe(STYLE);

    const tiny = await get(base, '/assets/tiny-GhI789.js', { 'Accept-Encoding': 'br, gzip' });
    expect(tiny.status).toBe(200);
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  test('when a HEAD request asks for a compressed asset, then its headers come without a body', async () => {
    const res = await get(base, '/assets/index-AbC123.js', { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.body.length).toBe(0);
  });

  test("when the page is asked for at any of the client's addresses, then index.html comes with no-cache (asked again each time, a 304 if unchanged)", async () => {
    for (const urlPath of ['/', '/?view=map&country=SE', '/some/client/route']) {
      const res = await get(base, urlPath, { 'Accept-Encoding': 'br, gzip' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    const first = await get(base, '/');
    const again = await get(base, '/', { 'If-None-Match': String(first.headers.etag) });
    expect(again.status).toBe(304);
  });

  test("when the page is asked for with a view, then it names that view's chunk, the chunks it imports and its styles for preloading (not the entry's, nor those it loads later); a page without a known view names the map's", async () => {
    const links = async (urlPath: string) =>
      [...(await get(base, urlPath)).body.toString().matchAll(/<link rel="(modulepreload|preload)"[^>]*>/g)].map(
        (m) => m[0],
      );
    expect(await links('/?view=gaps&country=SE')).toEqual([
      '<link rel="modulepreload" crossorigin href="/assets/GapsView-G1.js">',
      '<link rel="modulepreload" crossorigin href="/assets/shared-S1.js">',
      '<link rel="preload" as="style" crossorigin href="/assets/GapsView-G1.css">',
      '<link rel="preload" as="style" crossorigin href="/assets/shared-S1.css">',
    ]);
    expect(await links('/?view=compare')).toEqual([
      '<link rel="modulepreload" crossorigin href="/assets/CompareView-C1.js">',
    ]);
    const map = [
      '<link rel="modulepreload" crossorigin href="/assets/MapView-M1.js">',
      '<link rel="modulepreload" crossorigin href="/assets/shared-S1.js">',
      '<link rel="preload" as="style" crossorigin href="/assets/shared-S1.css">',
    ];
    expect(await links('/')).toEqual(map);
    expect(await links('/?view=nonsense&country=SE')).toEqual(map);
    // The page is still the built one, the links in its head.
    const page = (await get(base, '/?view=compare')).body.toString();
    expect(page).toMatch(
      /^<!doctype html><html><head><link rel="icon" href="\/favicon.svg">\s*<link rel="modulepreload"/,
    );
    expect(page).toMatch(/<\/head><body><div id="root"><\/div><\/body><\/html>$/);
  });

  test('when the favicon is asked for, then it is served as SVG; a missing asset or icon is a 404, not the page', async () => {
    const icon = await get(base, '/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(icon.body.toString()).toBe(ICON);
    expect((await get(base, '/assets/index-OLD000.js', { 'Accept-Encoding': 'br' })).status).toBe(404);
    expect((await get(base, '/favicon.ico')).status).toBe(404);
  });

  test('when a JSON answer of more than a kilobyte is asked for with gzip or brotli accepted, then it is sent compressed, and decoded it is the same JSON', async () => {
    const plain = await get(base, '/api/openapi.json');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);

    const gzip = await get(base, '/api/openapi.json', { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers.vary).toMatch(/Accept-Encoding/i);
    expect(gzip.headers['cache-control']).toBe('no-store');
    expect(zlib.gunzipSync(gzip.body).equals(plain.body)).toBe(true);

    const br = await get(base, '/api/openapi.json', { 'Accept-Encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length / 3);
  });

  test('when a browser goes away while a compressed asset is still being sent, then the server carries on: no error thrown, the next request answered', async () => {
    // Big enough that it is still being sent when the socket is destroyed after the first chunk.
    const big = path.join(dir, 'assets', 'big-Zz9.js');
    fs.writeFileSync(big, 'x');
    fs.writeFileSync(`${big}.br`, Buffer.alloc(32 * 1024 * 1024, 7));
    const app = createApp({ store, clientDir: dir });
    const late = await new Promise<http.Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const lateBase = `http://127.0.0.1:${(late.address() as AddressInfo).port}`;
    const thrown: unknown[] = [];
    const onThrow = (e: unknown): void => {
      thrown.push(e);
    };
    process.on('uncaughtException', onThrow);
    try {
      await new Promise<void>((resolve) => {
        const req = http.request(
          `${lateBase}/assets/big-Zz9.js`,
          { headers: { 'Accept-Encoding': 'br' }, agent: false },
          (res) => {
            expect(res.headers['content-encoding']).toBe('br');
            res.once('data', () => {
              req.destroy();
              resolve();
            });
          },
        );
        req.on('error', () => resolve());
        req.end();
      });
      // Let the server notice the closed socket and finish with the request.
      await new Promise((r) => setTimeout(r, 300));
      const next = await get(lateBase, '/assets/index-AbC123.js', { 'Accept-Encoding': 'br' });
      expect(next.status).toBe(200);
      expect(thrown).toEqual([]);
    } finally {
      process.off('uncaughtException', onThrow);
      await new Promise<void>((resolve) => late.close(() => resolve()));
      fs.rmSync(big, { force: true });
      fs.rmSync(`${big}.br`, { force: true });
    }
  });

  test("the page's preload list names, for every view the client loads lazily, the very module it loads (lazyViews.ts): a view added there and not here fails", () => {
    const lazyViews = fs.readFileSync(path.join(__dirname, '../../client/src/lazyViews.ts'), 'utf8');
    const loaded = Object.fromEntries(
      [...lazyViews.matchAll(/^\s+(\w+): once\(\(\) =>\s+import\('\.\/([^']+)'\)/gm)].map((m) => [
        m[1],
        `src/${m[2]}.tsx`,
      ]),
    );
    expect(Object.keys(loaded).length).toBeGreaterThanOrEqual(12);
    expect(VIEW_SOURCES).toEqual(loaded);
    for (const source of Object.values(VIEW_SOURCES))
      expect(fs.existsSync(path.join(__dirname, '../../client', source))).toBe(true);
  });
});
