// Every exchange the unit and API tests had with the app (recorded by tests/support/exchange-recorder.ts while
// `npm test` ran them), checked against the served OpenAPI document by the independent validator
// (tests/support/openapi-contract.ts): issue 19 point 2, "the API tests' real responses". An answer's status,
// media type, documented headers and body must match the document; a request the app accepted (2xx, 3xx) must
// match it too. A request the app refused is checked only by its answer: many tests send wrong requests on
// purpose, and whether the document refuses each of them is the dedicated contract test's job
// (tests/api/openapi-contract.test.ts); so are the fuzz tests' random requests, whatever the answer. Requests to
// paths or methods outside the app's route table (refused, or routes a test mounts on its own app) and HEAD
// requests (no body) are counted, not checked. Run by `npm test` after the unit run (jest.contract.config.js).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import request from 'supertest';
import { createApp } from '../../server/app';
import { FakeClock } from '../support/auth';
import type { RecordedExchange } from '../support/exchange-recorder';
import { ContractChecker, type Exchange } from '../support/openapi-contract';
import { smallMapStore } from '../support/small-store';

const dir = process.env.OPENAPI_RECORD_DIR;

function decoded(rec: RecordedExchange): Buffer {
  const raw = Buffer.from(rec.responseBody ?? '', 'base64');
  const encoding = rec.responseHeaders['content-encoding'];
  if (encoding === 'gzip') return zlib.gunzipSync(raw);
  if (encoding === 'br') return zlib.brotliDecompressSync(raw);
  if (encoding === 'deflate') return zlib.inflateSync(raw);
  return raw;
}

/** The fuzz tests send random requests by design: only their answers are checked. */
const randomRequests = (rec: RecordedExchange) => /^fuzz[^:]*\.test\.ts:/.test(rec.test);

function toExchange(rec: RecordedExchange): Exchange {
  const accepted = rec.status < 400 && !randomRequests(rec);
  return {
    method: rec.method,
    url: rec.url,
    requestHeaders: rec.requestHeaders,
    // A body the app took as bytes or text: its media type is checked, not its content.
    requestBody: rec.requestBody !== undefined ? rec.requestBody : rec.opaqueRequestBody ? Buffer.alloc(1) : undefined,
    status: rec.status,
    responseHeaders: rec.responseHeaders,
    responseBody: decoded(rec),
    ...(accepted ? {} : { uncheckedRequest: true }),
  };
}

describe("the API tests' own exchanges against the served OpenAPI document", () => {
  test('when every recorded exchange is checked by the independent validator, then none departs from the document', async () => {
    if (!dir)
      throw new Error(
        "OPENAPI_RECORD_DIR is not set: run this through `npm test`, which records the API tests' exchanges first",
      );
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')) : [];
    const records = files.flatMap((f) =>
      fs
        .readFileSync(path.join(dir, f), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as RecordedExchange),
    );
    // Enough to mean the recorder saw the API suites (they make thousands of requests), not a handful.
    expect(records.length).toBeGreaterThan(1000);

    const store = await smallMapStore();
    try {
      const served = await request(createApp({ store, clock: new FakeClock() })).get('/api/openapi.json');
      expect(served.status).toBe(200);
      const checker = await ContractChecker.create(served.body as never);
      // The document as served by this build: exchanges recorded from the same build must match it.
      const violations = new Map<string, string[]>();
      let checkedBodies = 0;
      let unknownPaths = 0;
      let heads = 0;
      for (const rec of records) {
        if (rec.url.split('?')[0] === '/api/openapi.json') continue; // the document itself (checked by Redocly)
        // HEAD, which Express answers for every GET route with the GET's status and headers and no body.
        if (rec.method === 'head') {
          heads += 1;
          continue;
        }
        // A path or method the app's route table does not have (refused, or a route a test mounts on its own app):
        // nothing in the document to check it against. That the document lists every route the app serves is the
        // dedicated contract test's check.
        if (!checker.operationOf(toExchange(rec))) {
          unknownPaths += 1;
          continue;
        }
        const found = rec.bodyTooLarge ? [] : checker.violations(toExchange(rec));
        if (!rec.bodyTooLarge) checkedBodies += 1;
        for (const v of found) violations.set(v, [...(violations.get(v) ?? []), rec.test]);
      }
      const operations = new Set(records.map((r) => checker.operationOf({ ...toExchange(r) })).filter(Boolean));
      const statuses = [...new Set(records.map((r) => r.status))].sort((a, b) => a - b);
      console.log(
        `Recorded API exchanges: ${records.length} from ${files.length} test processes, ${checkedBodies} checked in full, ` +
          `${operations.size} operations, statuses ${statuses.join(', ')}, ${unknownPaths} outside the app's route table, ${heads} HEAD; ` +
          `${violations.size} distinct violations`,
      );
      const report = [...violations]
        .slice(0, 40)
        .map(([v, tests]) => `${v}\n    (${tests.length}x, first in ${tests[0]})`);
      expect(report).toEqual([]);
    } finally {
      await store.close();
    }
  }, 300000);
});
