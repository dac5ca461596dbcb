// Request bodies: every kind the API reads is refused above the limit, bad ones get a 4xx (bytes that are not
// UTF-8, nesting past 64 levels, headers too large: 431), and no error answer carries a stack, a file path or
// an internal id. Also the 404s and the client fallback.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import YAML from 'yaml';
import { createApp } from '../../server/app';
import { answerClientErrors } from '../../server/api/errors';
import type { Logger } from '../../server/logger';
import { UPLOAD_LIMIT_BYTES } from '../../server/model/limits';
import type { GraphStore } from '../../server/store/port';
import { smallMap } from '../support/small-map';
import { signedIn } from '../support/auth';
import { smallMapStore } from '../support/small-store';

const ROOT = path.resolve(__dirname, '../..');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let store: GraphStore;
let app: ReturnType<typeof createApp>;

/** The app, signed in as an editor (who may import and edit) for every request that carries no cookie. */
const editing = (app: ReturnType<typeof createApp>) => signedIn(app, store, { role: 'editor' });

beforeEach(async () => {
  store = await smallMapStore();
  app = await editing(createApp({ store }));
});
afterEach(() => store.close());

/** An error answer: the expected status and code, and nothing about the server's insides. */
function expectCleanError(res: { status: number; body: unknown; text: string }, status: number, code: string | RegExp) {
  expect({ status: res.status, code: (res.body as { error?: { code?: string } }).error?.code }).toEqual({
    status,
    code: typeof code === 'string' ? code : expect.stringMatching(code),
  });
  const error = (res.body as { error: Record<string, unknown> }).error;
  expect(typeof error.message).toBe('string');
  expect(Object.keys(error)).not.toContain('stack');
  const text = res.text;
  expect(text).not.toMatch(/"stack"/);
  expect(text).not.toMatch(/\bat .+\.(ts|js|mjs|cjs):\d+/);
  expect(text).not.toContain(ROOT);
  expect(text).not.toContain('node_modules');
  // Internal ids: SQLite row ids, Neo4j element ids (`4:<uuid>:12`) and identities.
  expect(text).not.toMatch(
    /rowid|elementId|"identity"|\b\d+:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:\d+/i,
  );
}

/** Posts raw bytes with Node's own client, which sends the headers exactly as given (supertest rewrites Content-Encoding). */
async function rawPost(
  urlPath: string,
  headers: Record<string, string>,
  body: Buffer,
): Promise<{ status: number; body: unknown; text: string }> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: urlPath,
          headers: { ...headers, 'content-length': String(body.length) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, text, body: JSON.parse(text) as unknown });
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe('bodies above the limit', () => {
  // Text bodies go as strings: supertest would serialise a Buffer sent as JSON into an array of numbers.
  const oversized = (fill: string, binary: boolean) =>
    binary ? Buffer.alloc(UPLOAD_LIMIT_BYTES + 1, fill) : fill.repeat(UPLOAD_LIMIT_BYTES + 1);

  test.each([
    ['a JSON map document', 'application/json', '/api/import', ' ', false],
    ['a JSON entity', 'application/json', '/api/stakeholders', ' ', false],
    ['JSON under a +json type', 'application/merge-patch+json', '/api/import', ' ', false],
    ['a YAML map document', 'application/yaml', '/api/import', '#', false],
    ['an XLSX workbook', XLSX, '/api/import', 'x', true],
    ['a ZIP of CSV files', 'application/zip', '/api/import', 'x', true],
    ['one CSV sheet', 'text/csv', '/api/import?sheet=stakeholders', 'x', true],
  ])(
    'when %s is one byte over 25 MB, then 413 too_large with advice and nothing is written',
    async (_what, type, urlPath, fill, binary) => {
      const before = await store.storeVersion();

      const res = await request(app).post(urlPath).set('Content-Type', type).send(oversized(fill, binary));

      expectCleanError(res, 413, 'too_large');
      expect(res.body.error.message).toContain('the limit is 25 MB per request');
      expect(await store.storeVersion()).toBe(before);
    },
  );

  test('when a JSON document is just under the limit, then the parser takes it (the limit is 25 MB, not less)', async () => {
    const doc = JSON.stringify(smallMap());
    const padded = doc + ' '.repeat(UPLOAD_LIMIT_BYTES - Buffer.byteLength(doc));

    const res = await request(app).post('/api/import?dryRun=true').set('Content-Type', 'application/json').send(padded);

    expect(res.status).toBe(200);
    expect(res.body.dryRun).toBe(true);
  });

  test('when gzip-compressed JSON unpacks to more than 25 MB, then 413: the limit counts unpacked bytes', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(UPLOAD_LIMIT_BYTES + 1024, ' '));
    expect(bomb.length).toBeLessThan(UPLOAD_LIMIT_BYTES / 100);
    const before = await store.storeVersion();

    const res = await rawPost('/api/import', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, bomb);

    expectCleanError(res, 413, 'too_large');
    expect(await store.storeVersion()).toBe(before);
  });
});

describe('malformed bodies', () => {
  test('when JSON is malformed, then 400 invalid_json', async () => {
    const res = await request(app)
      .post('/api/flows')
      .set('Content-Type', 'application/json')
      .send('{"id": "x", "from": ');
    expectCleanError(res, 400, 'invalid_json');
  });

  test('when YAML is malformed, then 400 naming the line', async () => {
    const res = await request(app)
      .post('/api/import')
      .set('Content-Type', 'application/yaml')
      .send('formatVersion: 1\nstakeholders: [a\n  b: :');
    expectCleanError(res, 400, 'validation_failed');
    expect(res.body.error.problems[0].message).toMatch(/^YAML syntax error at line \d+/);
  });

  test('when an "XLSX" is not a workbook, then 415 saying what it is', async () => {
    const res = await request(app)
      .post('/api/import')
      .set('Content-Type', XLSX)
      .send(Buffer.from('just some text, not a ZIP'));
    expectCleanError(res, 415, 'not_a_spreadsheet');
  });

  test('when a "ZIP" is truncated, then a 4xx and nothing is written', async () => {
    const before = await store.storeVersion();
    const res = await request(app)
      .post('/api/import')
      .set('Content-Type', 'application/zip')
      .send(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expectCleanError(res, res.status, /^[a-z_]+$/);
    expect(await store.storeVersion()).toBe(before);
  });

  test('when the body is gzip in name but not in fact, then 400', async () => {
    const res = await rawPost(
      '/api/import',
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      Buffer.from('{"formatVersion":1}'),
    );
    expectCleanError(res, 400, /^[a-z_]+$/);
  });

  test('when the body has an encoding the server does not know, then 415', async () => {
    const res = await rawPost(
      '/api/import',
      { 'content-type': 'application/json', 'content-encoding': 'compress' },
      Buffer.from('{}'),
    );
    expectCleanError(res, 415, 'unsupported_media_type');
  });

  test('when the body has a charset the server does not read, then 415', async () => {
    const res = await rawPost('/api/import', { 'content-type': 'application/json; charset=latin1' }, Buffer.from('{}'));
    expectCleanError(res, 415, 'unsupported_media_type');
  });
});

describe('unexpected failures', () => {
  test('when the store fails unexpectedly, then 500 internal without its message or stack, and the log has the stack', async () => {
    const failure = new Error(
      `SQLITE_CORRUPT: database disk image is malformed in ${path.join(ROOT, 'data/flow-atlas.sqlite')}`,
    );
    const broken = new Proxy(store, {
      // Every read the country list may take (the aggregate, or every item).
      get: (target, prop, receiver) =>
        ['listMany', 'countryCounts', 'snapshot'].includes(String(prop))
          ? () => Promise.reject(failure)
          : Reflect.get(target, prop, receiver),
    });
    const logged: Array<{ msg: string; extra?: object }> = [];
    const logger: Logger = { info: () => {}, warn: () => {}, error: (msg, extra) => logged.push({ msg, extra }) };

    const res = await request(await editing(createApp({ store: broken, logger }))).get('/api/countries');

    expectCleanError(res, 500, 'internal');
    expect(res.text).not.toContain('SQLITE_CORRUPT');
    expect(JSON.stringify(logged)).toContain('SQLITE_CORRUPT');
  });
});

describe('unknown addresses', () => {
  test.each(['get', 'post', 'put', 'delete'] as const)(
    'when an unknown API route is asked with %s, then 404 not_found in JSON',
    async (method) => {
      const res = await request(app)[method]('/api/no-such-thing/here');
      expectCleanError(res, 404, 'not_found');
      expect(res.type).toBe('application/json');
    },
  );

  describe('with the built client', () => {
    let clientDir: string;
    let withClient: ReturnType<typeof createApp>;
    beforeEach(async () => {
      clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-client-'));
      fs.writeFileSync(
        path.join(clientDir, 'index.html'),
        '<!doctype html><title>Flow Atlas</title><div id="root"></div>',
      );
      fs.mkdirSync(path.join(clientDir, 'assets'));
      fs.writeFileSync(path.join(clientDir, 'assets', 'index-abc123.js'), 'console.log("app");');
      withClient = await editing(createApp({ store, clientDir }));
    });
    afterEach(() => fs.rmSync(clientDir, { recursive: true, force: true }));

    test.each(['/', '/?view=gaps&country=XA', '/some/deep/link'])(
      'when the client address %s is opened, then the page is served',
      async (urlPath) => {
        const res = await request(withClient).get(urlPath).expect(200);
        expect(res.type).toBe('text/html');
        expect(res.text).toContain('<div id="root">');
        expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      },
    );

    test('when an asset is asked, then the file itself is served', async () => {
      const res = await request(withClient).get('/assets/index-abc123.js').expect(200);
      expect(res.text).toBe('console.log("app");');
    });

    test.each(['/assets/index-gone999.js', '/favicon.ico', '/robots.txt'])(
      'when the missing file %s is asked, then 404, not the page',
      async (urlPath) => {
        const res = await request(withClient).get(urlPath);
        expect(res.status).toBe(404);
        expect(res.text).not.toContain('<div id="root">');
      },
    );

    test.each(['/api/no-such-thing', '/api'])(
      'when the unknown API address %s is asked, then a JSON 404, not the page',
      async (urlPath) => {
        const res = await request(withClient).get(urlPath);
        expectCleanError(res, 404, 'not_found');
      },
    );
  });
});

describe('encodings of JSON and YAML bodies', () => {
  const latin1 = (before: string, after: string) =>
    Buffer.concat([Buffer.from(before), Buffer.from([0xe9]), Buffer.from(after)]);

  test.each([
    [
      'a JSON map document',
      '/api/import',
      'application/json',
      latin1('{\n  "formatVersion": 1,\n  "countries": [{"code": "XA", "name": "Caf', '"}]\n}'),
    ],
    [
      'a YAML map document',
      '/api/import',
      'application/yaml',
      latin1('formatVersion: 1\ncountries:\n  - code: XA\n    name: Caf', '\n'),
    ],
    [
      'a JSON entity',
      '/api/stakeholders',
      'application/json',
      latin1('{"id": "xa-new",\n "name": "Caf', '", "country": "XA", "type": "ngo", "level": "local"}'),
    ],
  ])(
    'when %s holds a byte that is not UTF-8, then 400 naming its line and offset, and nothing is written',
    async (_what, urlPath, type, body) => {
      const before = await store.storeVersion();
      const line = body.subarray(0, body.indexOf(0xe9)).toString('latin1').split('\n').length;

      const res = await rawPost(urlPath, { 'content-type': type }, body);

      expectCleanError(res, 400, 'validation_failed');
      expect((res.body as { error: { message: string } }).error.message).toContain(
        `not valid UTF-8: the first bad byte is at line ${line}`,
      );
      expect((res.body as { error: { problems: Array<{ message: string }> } }).error.problems[0]!.message).toMatch(
        new RegExp(`^byte 0xE9 at line ${line}, column \\d+ \\(byte offset ${body.indexOf(0xe9)}\\) is not UTF-8`),
      );
      expect(await store.storeVersion()).toBe(before);
    },
  );

  test.each([
    ['JSON', 'application/json', (doc: object) => JSON.stringify(doc)],
    ['YAML', 'application/yaml', (doc: object) => YAML.stringify(doc)],
  ])(
    'when a %s document is UTF-8 with a byte order mark, then it is read, accents intact',
    async (_what, type, write) => {
      const doc = smallMap();
      doc.stakeholders[2]!.description = 'Skyddat boende för barn, Malmö';
      const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(write(doc))]);

      const res = await rawPost('/api/import', { 'content-type': type }, body);

      expect(res.status).toBe(200);
      expect((await store.get('stakeholder', 'xa-ngo')).description).toBe('Skyddat boende för barn, Malmö');
    },
  );

  test('when a CSV is Windows-1252, then it is still read, with a warning', async () => {
    const csv = Buffer.concat([
      Buffer.from('id,name,country,type,level\nxa-ngo,Barnhem '),
      Buffer.from([0xe5]),
      Buffer.from(',XA,ngo,local\n'),
    ]);

    const res = await rawPost('/api/import?sheet=stakeholders&dryRun=true', { 'content-type': 'text/csv' }, csv);

    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain('read as Windows-1252');
  });
});

describe('deep nesting', () => {
  const nestedJson = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

  test.each([
    [
      'a JSON map document',
      '/api/import',
      'application/json',
      `{"formatVersion": 1,\n"x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
      2,
    ],
    ['a JSON entity', '/api/stakeholders', 'application/json', nestedJson(65), 1],
    [
      'a YAML map document in blocks',
      '/api/import',
      'application/yaml',
      `${Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}a${i}:`).join('\n')} 1\n`,
      65,
    ],
    [
      'a YAML map document in flow style',
      '/api/import',
      'application/yaml',
      `formatVersion: 1\nx: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
      2,
    ],
  ])(
    'when %s nests more than 64 levels, then 400 saying so with the line, not a stack overflow',
    async (_what, urlPath, type, body, line) => {
      const res = await rawPost(urlPath, { 'content-type': type }, Buffer.from(body));

      expectCleanError(res, 400, 'validation_failed');
      expect(res.text).not.toMatch(/call stack/i);
      expect((res.body as { error: { problems: Array<{ message: string }> } }).error.problems[0]!.message).toMatch(
        new RegExp(`nests more than 64 levels deep \\(at line ${line}\\)`),
      );
    },
  );

  test('when YAML aliases nest a document deeper than its text shows, then 400 too', async () => {
    const deep = `${'['.repeat(40)}1${']'.repeat(40)}`;
    const body = `formatVersion: 1\na: &a ${deep}\nb: ${'['.repeat(30)}*a${']'.repeat(30)}\n`;

    const res = await rawPost('/api/import', { 'content-type': 'application/yaml' }, Buffer.from(body));

    expectCleanError(res, 400, 'validation_failed');
    expect(res.body).toMatchObject({ error: { message: 'the YAML body nests more than 64 levels deep' } });
  });

  test('when a JSON entity nests exactly 64 levels, then nesting is not what is refused', async () => {
    const res = await rawPost('/api/stakeholders', { 'content-type': 'application/json' }, Buffer.from(nestedJson(64)));
    expect(res.status).toBe(400);
    expect(res.text).not.toMatch(/nests more than/);
  });
});

describe('errors of the HTTP parser', () => {
  /** Sends raw bytes to a real listening server (as main.ts starts it) and reads the answer until the server closes. */
  async function rawExchange(bytes: string): Promise<{ status: number; headers: string; body: string }> {
    const server = app.listen(0, '127.0.0.1');
    answerClientErrors(server);
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    try {
      const { port } = server.address() as AddressInfo;
      const text = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.end(bytes));
        const chunks: Buffer[] = [];
        socket.on('data', (c: Buffer) => chunks.push(c));
        socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
        socket.on('error', reject);
      });
      const [head = '', body = ''] = text.split('\r\n\r\n');
      return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), headers: head, body };
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  test('when the request headers are too large, then 431 with the JSON error shape', async () => {
    const res = await rawExchange(
      `GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${'a'.repeat(64 * 1024)}\r\n\r\n`,
    );

    expect(res.status).toBe(431);
    expect(res.headers).toMatch(/content-type: application\/json/i);
    expectCleanError({ status: res.status, body: JSON.parse(res.body), text: res.body }, 431, 'headers_too_large');
    expect(JSON.parse(res.body).error.message).toMatch(/headers are too large/);
  });

  test('when the request is not HTTP at all, then 400 with the JSON error shape', async () => {
    const res = await rawExchange('HELLO THERE\r\n\r\n');

    expectCleanError({ status: res.status, body: JSON.parse(res.body), text: res.body }, 400, 'bad_request');
  });
});
