// Records every exchange the API tests make with the app, so that tests/contract/recorded-exchanges.check.ts can
// check them all against the served OpenAPI document with the independent validator (issue 19 point 2: "the API
// tests' real responses"). A Jest setup file: it does nothing unless OPENAPI_RECORD_DIR is set (`npm test` sets
// it for the unit and API run). It wraps Node's own http.ServerResponse, so every request the app answers in this
// process is seen as it went over the wire (supertest and real servers alike), without touching the app.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

/** One recorded exchange, one JSON line in `<dir>/<pid>.jsonl`. */
export interface RecordedExchange {
  test: string;
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  /** The JSON body as the app parsed it (absent when there was none or it was not JSON). */
  requestBody?: unknown;
  /** A request body was sent but is not available as JSON (bytes, text, or JSON the app refused). */
  opaqueRequestBody?: boolean;
  status: number;
  responseHeaders: Record<string, string>;
  /** The body as base64; absent past MAX_BODY (then `bodyTooLarge`). */
  responseBody?: string;
  bodyTooLarge?: boolean;
}

/** Bodies past this are not kept (exports of big fixtures): their status, media type and headers still are. */
const MAX_BODY = 4 * 1024 * 1024;
/** Request headers the document can speak of; cookies are kept only as "sent" (never their value). */
const REQUEST_HEADERS = ['content-type', 'if-match', 'origin', 'accept'];

const dir = process.env.OPENAPI_RECORD_DIR;
const PATCHED = Symbol.for('flow-atlas.exchange-recorder');

type TestState = { testPath?: string; currentTestName?: string };
/** Node's own modules are shared by the test files a Jest worker runs one after another, each with its own globals (and
 * its own copy of `process`): this setup file runs again for each file and points a holder on the shared
 * http.ServerResponse prototype at the current file's `expect`. */
const holder = http.ServerResponse.prototype as unknown as Record<symbol, () => TestState | undefined>;
const CURRENT = Symbol.for('flow-atlas.exchange-recorder.current-test');
holder[CURRENT] = () => (globalThis as { expect?: { getState?: () => TestState } }).expect?.getState?.();

function currentTest(): string {
  const state = holder[CURRENT]?.();
  return `${path.basename(state?.testPath ?? 'unknown')}: ${state?.currentTestName ?? '(outside a test)'}`;
}

if (dir && !(http.ServerResponse.prototype as unknown as Record<symbol, boolean>)[PATCHED]) {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${process.pid}.jsonl`);
  const proto = http.ServerResponse.prototype as unknown as Record<string | symbol, unknown>;
  proto[PATCHED] = true;
  const write = proto.write as (this: http.ServerResponse, chunk: unknown, ...rest: unknown[]) => boolean;
  const end = proto.end as (this: http.ServerResponse, ...args: unknown[]) => http.ServerResponse;
  const chunksOf = new WeakMap<http.ServerResponse, { parts: Buffer[]; size: number }>();
  const keep = (res: http.ServerResponse, chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    const buf = Buffer.isBuffer(chunk)
      ? chunk
      : chunk instanceof Uint8Array
        ? Buffer.from(chunk)
        : typeof chunk === 'string'
          ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
          : undefined;
    if (!buf) return; // Node refuses any other chunk itself
    const held = chunksOf.get(res) ?? { parts: [], size: 0 };
    held.size += buf.length;
    if (held.size <= MAX_BODY) held.parts.push(buf);
    chunksOf.set(res, held);
  };
  proto.write = function (this: http.ServerResponse, chunk: unknown, ...rest: unknown[]) {
    keep(this, chunk, rest[0]);
    return write.call(this, chunk, ...rest);
  };
  proto.end = function (this: http.ServerResponse, ...args: unknown[]) {
    keep(this, args[0], args[1]);
    try {
      const req = this.req as (http.IncomingMessage & { originalUrl?: string; body?: unknown }) | undefined;
      const url = req?.originalUrl ?? req?.url ?? '';
      if (req && url.startsWith('/api/')) {
        const held = chunksOf.get(this) ?? { parts: [], size: 0 };
        const requestHeaders: Record<string, string> = {};
        for (const h of REQUEST_HEADERS) if (typeof req.headers[h] === 'string') requestHeaders[h] = req.headers[h];
        if (req.headers.cookie) requestHeaders.cookie = 'sent';
        const media = (requestHeaders['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        const sentBody =
          Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
        const parsed =
          media === 'application/json' &&
          req.body !== undefined &&
          typeof req.body === 'object' &&
          !Buffer.isBuffer(req.body);
        const entry: RecordedExchange = {
          test: currentTest(),
          method: (req.method ?? 'GET').toLowerCase(),
          url,
          requestHeaders,
          ...(parsed ? { requestBody: req.body } : sentBody ? { opaqueRequestBody: true } : {}),
          status: this.statusCode,
          responseHeaders: Object.fromEntries(
            Object.entries(this.getHeaders()).map(([k, v]) => [
              k.toLowerCase(),
              Array.isArray(v) ? v.join(', ') : String(v),
            ]),
          ),
          ...(held.size > MAX_BODY
            ? { bodyTooLarge: true }
            : { responseBody: Buffer.concat(held.parts).toString('base64') }),
        };
        fs.appendFileSync(file, `${JSON.stringify(entry)}\n`);
      }
    } catch {
      // Recording must never change what a test sees; an exchange that cannot be written is left out.
    }
    chunksOf.delete(this);
    return end.apply(this, args);
  };
}
