// Hostile uploads through the API, on a real listening server: a CSV of a million rows and a ZIP that lies about
// its size are refused naming the limit, while other requests are answered during the parse (it runs in a
// worker thread); an error answer lists at most 100 problems and says how many there are.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app';
import { answerClientErrors } from '../../server/api/errors';
import type { GraphStore } from '../../server/store/port';
import { MAX_PROBLEMS_SHOWN, MAX_UNPACKED_BYTES } from '../../server/model/limits';
import { INFLATE_OVERSHOOT_MAX } from '../../server/tabular/unzip';
import { smallMap } from '../support/small-map';
import { signedIn } from '../support/auth';
import { lyingCsvZip, millionRowCsv } from '../support/hostile-files';
import { smallMapStore } from '../support/small-store';

let store: GraphStore;
let server: http.Server;
let base: string;

beforeAll(async () => {
  store = await smallMapStore();
  const app = await signedIn(createApp({ store }), store, { role: 'editor' });
  server = await new Promise<http.Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  answerClientErrors(server);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await store.close();
});

interface Answer {
  status: number;
  body: any;
  text: string;
}

/** Posts bytes; `sent` resolves once the whole body has left the client. */
function post(urlPath: string, type: string, body: Buffer): { sent: Promise<void>; answer: Promise<Answer> } {
  let onSent!: () => void;
  const sent = new Promise<void>((resolve) => {
    onSent = resolve;
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    const req = http.request(
      `${base}${urlPath}`,
      { method: 'POST', agent: false, headers: { 'content-type': type, 'content-length': String(body.length) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, text, body: JSON.parse(text) });
        });
      },
    );
    req.on('error', reject);
    req.on('finish', onSent);
    req.end(body);
  });
  return { sent, answer };
}

/** GET /api/health on a connection of its own (a kept-alive one may be closed by the server just as it is reused). */
function health(): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}/api/health`, { agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

/**
 * Sends the upload, then asks /api/health again and again, each once the previous answered, until the upload
 * answers: how many health answers came back after the upload had been sent and before it was answered.
 */
async function healthAnswersDuring(upload: {
  sent: Promise<void>;
  answer: Promise<Answer>;
}): Promise<{ during: number; answer: Answer }> {
  let answered = false;
  void upload.answer.then(
    () => {
      answered = true;
    },
    () => {
      answered = true;
    },
  );
  await upload.sent;
  let during = 0;
  while (!answered) {
    expect(await health()).toBe(200);
    if (!answered) during += 1;
  }
  return { during, answer: await upload.answer };
}

beforeAll(async () => {
  // The parser's worker starts with the first upload (loading its modules takes a while): start it here, so
  // that what follows measures the parse, not the start.
  const warm = await post('/api/import?sheet=flows&dryRun=true', 'text/csv', Buffer.from('id,from,to\n')).answer;
  expect(warm.status).toBeLessThan(500);
});

describe('a CSV of a million short rows', () => {
  test('when it is uploaded, then it is refused naming the row limit, and other requests are answered while it is parsed', async () => {
    const csv = millionRowCsv();
    expect(csv.length).toBeLessThan(2.1 * 1024 * 1024);
    const before = await store.storeVersion();

    const { during, answer } = await healthAnswersDuring(post('/api/import?sheet=flows', 'text/csv', csv));

    expect(answer.status).toBe(400);
    expect(answer.body.error.problems.map((p: { message: string }) => p.message)).toContain(
      'the sheet has more than 100,000 rows; the limit is 100,000 rows per sheet: split the file by country',
    );
    // Parsed on the request thread, the health checks would wait until the upload had its answer.
    expect(during).toBeGreaterThanOrEqual(10);
    expect(await store.storeVersion()).toBe(before);
  });
});

describe('a ZIP whose headers understate its member', () => {
  test('when it is uploaded, then 413 naming the limit, unpacking stopped at the limit, and other requests answered meanwhile', async () => {
    const bomb = lyingCsvZip(160 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(512 * 1024);

    const { during, answer } = await healthAnswersDuring(post('/api/import', 'application/zip', bomb));

    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe('too_large');
    expect(answer.body.error.message).toMatch(/the limit is 120 MB/);
    expect(answer.body.error.limitBytes).toBe(MAX_UNPACKED_BYTES);
    expect(answer.body.error.inflatedBytes).toBeLessThanOrEqual(MAX_UNPACKED_BYTES + INFLATE_OVERSHOOT_MAX);
    expect(during).toBeGreaterThanOrEqual(10);
  });
});

describe('error answers are capped', () => {
  test('when a document has 10,000 unknown evidence ids, then the answer lists the first 100 and the total', async () => {
    const doc = smallMap();
    doc.flows[0]!.evidence = Array.from({ length: 10_000 }, (_, i) => `no-such-interview-${i}`);

    const res = await fetch(`${base}/api/import?dryRun=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(doc),
    });
    const text = await res.text();
    const body = JSON.parse(text);

    expect(res.status).toBe(400);
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.problems).toHaveLength(MAX_PROBLEMS_SHOWN);
    expect(body.error.problemCount).toBeGreaterThanOrEqual(10_000);
    expect(body.error.problems[0].message).toMatch(/no-such-interview-0/);
    expect(text.length).toBeLessThan(64 * 1024);
  });

  test('when there are few problems, then all are listed and the count says so', async () => {
    const doc = smallMap();
    doc.flows[0]!.evidence = ['no-such-interview'];

    const res = await fetch(`${base}/api/import?dryRun=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(doc),
    });
    const body = (await res.json()) as { error: { problems: unknown[]; problemCount: number } };

    expect(res.status).toBe(400);
    expect(body.error.problems).toHaveLength(1);
    expect(body.error.problemCount).toBe(1);
  });
});
