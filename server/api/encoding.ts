// Content-Encoding of the API's JSON answers, chosen as the compression middleware (app.ts) chooses it, but with the
// compressed bytes kept beside the answer's bytes (answer.ts): a cached answer served again is not compressed
// again. A request that route.ts answers this way skips the middleware (deferCompression); anything else it
// answers on that request (a 401, an error) gets the middleware after all (ensureCompression).
import type { Request, RequestHandler, Response } from 'express';
import { encodedBytes, type AnswerBytes } from './answer';

export type Encoding = 'br' | 'gzip' | 'deflate';

/** The compression middleware's defaults (compression 1.8): its threshold, encodings and their order on a tie. */
export const COMPRESSION_THRESHOLD = 1024;
const SUPPORTED = ['br', 'gzip', 'deflate', 'identity'] as const;
const PREFERRED: readonly string[] = ['br', 'gzip'];

interface Spec {
  encoding: string;
  q: number;
  i: number;
}

interface Priority {
  encoding: string;
  o: number;
  q: number;
  s: number;
}

// The negotiation of the compression middleware's Negotiator (negotiator 0.6, lib/encoding.js), step for step.
function parseAcceptEncoding(accept: string): Spec[] {
  const parts = accept.split(',');
  const specs: Spec[] = [];
  let hasIdentity = false;
  let minQuality = 1;
  for (let i = 0; i < parts.length; i++) {
    const match = /^\s*([^\s;]+)\s*(?:;(.*))?$/.exec(parts[i]!.trim());
    if (!match) continue;
    let q = 1;
    if (match[2]) {
      for (const param of match[2].split(';')) {
        const p = param.trim().split('=');
        if (p[0] === 'q') {
          q = parseFloat(p[1]!);
          break;
        }
      }
    }
    const spec = { encoding: match[1]!, q, i };
    specs.push(spec);
    hasIdentity = hasIdentity || specify('identity', spec) !== undefined;
    minQuality = Math.min(minQuality, spec.q || 1);
  }
  if (!hasIdentity) specs.push({ encoding: 'identity', q: minQuality, i: parts.length });
  return specs;
}

function specify(encoding: string, spec: Spec): Priority | undefined {
  let s = 0;
  if (spec.encoding.toLowerCase() === encoding.toLowerCase()) s |= 1;
  else if (spec.encoding !== '*') return undefined;
  return { encoding, o: spec.i, q: spec.q, s };
}

function priorityOf(encoding: string, accepted: Spec[], index: number): Priority & { i: number } {
  let priority: Priority = { encoding, o: -1, q: 0, s: 0 };
  for (const spec of accepted) {
    const p = specify(encoding, spec);
    if (p && (priority.s - p.s || priority.q - p.q || priority.o - p.o) < 0) priority = p;
  }
  return { ...priority, i: index };
}

function negotiate(accept: string): string | undefined {
  const accepted = parseAcceptEncoding(accept);
  const priorities = SUPPORTED.map((e, i) => priorityOf(e, accepted, i)).filter((p) => p.q > 0);
  priorities.sort((a, b) => {
    if (a.q !== b.q) return b.q - a.q;
    const ap = PREFERRED.indexOf(a.encoding);
    const bp = PREFERRED.indexOf(b.encoding);
    if (ap === -1 && bp === -1) return b.s - a.s || a.o - b.o || a.i - b.i;
    if (ap !== -1 && bp !== -1) return ap - bp;
    return ap === -1 ? 1 : -1;
  });
  return priorities[0]?.encoding;
}

/** Negotiations done, by Accept-Encoding value (browsers send a handful of values). */
const chosen = new Map<string, Encoding | undefined>();

/** The encoding the compression middleware would choose for an answer to this Accept-Encoding (undefined: none). */
export function encodingFor(accept: string | undefined): Encoding | undefined {
  // Without the header the middleware sends the answer as it is.
  if (!accept) return undefined;
  if (chosen.has(accept)) return chosen.get(accept);
  const method = negotiate(accept);
  const encoding = method === 'br' || method === 'gzip' || method === 'deflate' ? method : undefined;
  if (chosen.size < 1000) chosen.set(accept, encoding);
  return encoding;
}

const DEFERRED = Symbol('deferred compression');
type Deferring = Request & { [DEFERRED]?: RequestHandler };

/**
 * The compression middleware, except for the requests `answersItself` names (GETs that route.ts answers with its
 * kept bytes): for those it is only kept at hand, for ensureCompression.
 */
export function deferCompression(compress: RequestHandler, answersItself: (req: Request) => boolean): RequestHandler {
  return (req, res, next) => {
    if (!answersItself(req)) return compress(req, res, next);
    (req as Deferring)[DEFERRED] = compress;
    next();
  };
}

/** Puts the compression middleware on a response after all, if it was deferred (before anything is written). */
export function ensureCompression(req: Request, res: Response): void {
  const compress = (req as Deferring)[DEFERRED];
  if (!compress) return;
  (req as Deferring)[DEFERRED] = undefined;
  void compress(req, res, () => {});
}

/** Whether the compression middleware was deferred on this request (route.ts then encodes the answer itself). */
export function compressionDeferred(req: Request): boolean {
  return (req as Deferring)[DEFERRED] !== undefined;
}

/** The compression middleware's test for Cache-Control: no-transform (which it honours). */
const NO_TRANSFORM = /(?:^|,)\s*?no-transform\s*?(?:,|$)/;

/**
 * Sends a JSON answer (Content-Type and ETag set) as the compression middleware would have, from the kept bytes:
 * Vary: Accept-Encoding, and from 1 kB on, unless HEAD or 304, the encoding the request accepts, compressed once.
 * On a request the middleware was not deferred for, the middleware does it: the bytes go as they are.
 */
export async function sendAnswer(req: Request, res: Response, answer: AnswerBytes): Promise<void> {
  const cacheControl = res.getHeader('Cache-Control');
  if (!compressionDeferred(req) || (typeof cacheControl === 'string' && NO_TRANSFORM.test(cacheControl))) {
    res.send(answer.body);
    return;
  }
  // res.send answers a fresh request 304 without Content-Type, which the middleware then leaves alone.
  if (req.fresh) {
    res.send(answer.body);
    return;
  }
  res.vary('Accept-Encoding');
  const encoding =
    answer.body.length >= COMPRESSION_THRESHOLD && req.method !== 'HEAD'
      ? encodingFor(req.headers['accept-encoding'])
      : undefined;
  if (!encoding) {
    res.send(answer.body);
    return;
  }
  const body = await encodedBytes(answer, encoding);
  res.setHeader('Content-Encoding', encoding);
  res.send(body);
}
