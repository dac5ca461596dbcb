// A JSON answer as the bytes sent, with a strong ETag, kept by identity so that an answer served again from a
// cache is not serialized again. Two levels: the whole answer (MapView returns the very object it cached), and
// each object-valued member of a plain-object answer (the analyses return `{ ...cachedResult, computedFrom }`,
// a new object around the cached members each time: only the small new members are serialized). The bytes are
// exactly JSON.stringify's (what res.json sent). The rule this relies on, which the caches already need because
// concurrent requests share their answers: an answer, and every object in it, is not changed after a handler
// returns it. Under NODE_ENV=test every reuse is checked against a fresh JSON.stringify.
import zlib from 'node:zlib';
import { etagOf } from '../services/etag';
import type { Encoding } from './encoding';

export interface AnswerBytes {
  body: Buffer;
  /** A strong validator of `body`: its length and SHA-1, quoted. */
  etag: string;
}

const wholes = new WeakMap<object, AnswerBytes>();
const members = new WeakMap<object, Buffer>();
const CHECK = process.env.NODE_ENV === 'test';
const OPEN = Buffer.from('{');
const CLOSE = Buffer.from('}');
const COMMA = Buffer.from(',');
/** `"key":` of the member names seen (a few dozen in the whole API). */
const keys = new Map<string, Buffer>();

function keyJson(key: string): Buffer {
  let json = keys.get(key);
  if (!json) {
    json = Buffer.from(`${JSON.stringify(key)}:`);
    if (keys.size < 10_000) keys.set(key, json);
  }
  return json;
}

function checked(kept: Buffer | AnswerBytes, value: object): void {
  const body = Buffer.isBuffer(kept) ? kept : kept.body;
  if (CHECK && !body.equals(Buffer.from(JSON.stringify(value)))) {
    throw new Error(
      'an answer served again was changed after it was first sent (answers must not change once returned)',
    );
  }
}

/** A plain object without toJSON: its JSON is its members' JSON, in order. */
function isPlain(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

function memberJson(value: object): Buffer {
  const kept = members.get(value);
  if (kept) {
    checked(kept, value);
    return kept;
  }
  const body = Buffer.from(JSON.stringify(value));
  members.set(value, body);
  return body;
}

/** The JSON of a plain object, from its members' kept JSON where they have one. */
function plainJson(value: Record<string, unknown>): Buffer {
  const chunks: Buffer[] = [OPEN];
  for (const key of Object.keys(value)) {
    const member = value[key];
    let json: Buffer;
    if (member !== null && typeof member === 'object') {
      json = memberJson(member);
    } else {
      const text = JSON.stringify(member) as string | undefined;
      if (text === undefined) continue; // undefined, functions and symbols are left out, as JSON.stringify does
      json = Buffer.from(text);
    }
    if (chunks.length > 1) chunks.push(COMMA);
    chunks.push(keyJson(key), json);
  }
  chunks.push(CLOSE);
  return Buffer.concat(chunks);
}

/** The bytes and ETag of a JSON answer (an object or array), kept for as long as the answer object lives. */
export function answerBytes(value: object): AnswerBytes {
  const kept = wholes.get(value);
  if (kept) {
    checked(kept, value);
    return kept;
  }
  const body = isPlain(value) ? plainJson(value) : Buffer.from(JSON.stringify(value));
  const bytes = { body, etag: etagOf(body) };
  wholes.set(value, bytes);
  return bytes;
}

/** The compressed bytes of kept answers, by encoding (made once, off the main thread, shared by concurrent requests). */
const encodings = new WeakMap<AnswerBytes, Map<Encoding, Promise<Buffer>>>();

// The compression middleware's settings (compression 1.8: zlib's defaults, brotli at quality 4).
const COMPRESS: Record<Encoding, (body: Buffer, done: (err: Error | null, out: Buffer) => void) => void> = {
  br: (body, done) => zlib.brotliCompress(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }, done),
  gzip: (body, done) => zlib.gzip(body, done),
  deflate: (body, done) => zlib.deflate(body, done),
};

/** The answer's bytes in `encoding`, compressed at the first request that asks for them. */
export function encodedBytes(bytes: AnswerBytes, encoding: Encoding): Promise<Buffer> {
  let kept = encodings.get(bytes);
  if (!kept) {
    kept = new Map();
    encodings.set(bytes, kept);
  }
  let encoded = kept.get(encoding);
  if (!encoded) {
    encoded = new Promise<Buffer>((resolve, reject) =>
      COMPRESS[encoding](bytes.body, (err, out) => (err ? reject(err) : resolve(out))),
    );
    kept.set(encoding, encoded);
    encoded.catch(() => kept.delete(encoding));
  }
  return encoded;
}
