// The one error middleware: app errors to their HTTP status with field messages; anything else is a 500
// without internals. Body-parser failures (bad JSON, too large, wrong type) become clear 4xx answers. Errors
// of the HTTP parser itself (oversized headers: 431) never reach Express: answerClientErrors gives them the
// same JSON shape. An answer lists at most MAX_PROBLEMS_SHOWN problems, and says how many there are.
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, ConflictError, StoreUnavailableError, TooLargeError, ValidationError } from '../errors';
import type { Logger } from '../logger';
import { ensureCompression } from './encoding';
import { MAX_PROBLEMS_SHOWN, UPLOAD_LIMIT_BYTES, formatMB } from '../model/limits';

/** What a 503 for an unreachable store tells clients to wait before trying again (Retry-After, seconds). */
export const STORE_RETRY_AFTER_SECONDS = 2;

export const notFoundApi: RequestHandler = (req, res) => {
  res.status(404).json({ error: { code: 'not_found', message: `no API route ${req.method} ${req.path}` } });
};

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (res.headersSent) return;
    ensureCompression(req, res);
    if (err instanceof AppError) {
      const body: Record<string, unknown> = { code: err.code, message: err.message };
      if (err instanceof ValidationError) {
        // 10,000 unknown ids once made a 1.25 MB answer: the first ones show what is wrong, the count how much.
        body.problems = err.problems.slice(0, MAX_PROBLEMS_SHOWN);
        body.problemCount = err.problems.length;
      }
      if (err instanceof ConflictError || err instanceof TooLargeError) Object.assign(body, err.details);
      if (err instanceof StoreUnavailableError) res.set('Retry-After', String(STORE_RETRY_AFTER_SECONDS));
      res.status(err.status).json({ error: body });
      return;
    }
    const type = (err as { type?: string }).type;
    if (type === 'entity.parse.failed') {
      res.status(400).json({ error: { code: 'invalid_json', message: 'the request body is not valid JSON' } });
      return;
    }
    if (type === 'entity.too.large') {
      const { limit, length } = err as { limit?: number; length?: number };
      const size = length ? `the upload is ${formatMB(length)}; ` : '';
      res.status(413).json({
        error: {
          code: 'too_large',
          message: `${size}the limit is ${formatMB(limit ?? UPLOAD_LIMIT_BYTES)} per request: split the file by country and send the parts one after the other`,
        },
      });
      return;
    }
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      res.status(415).json({ error: { code: 'unsupported_media_type', message: 'unsupported body encoding' } });
      return;
    }
    // The router cannot decode a path parameter with a broken escape (`/api/stakeholders/%E0%A4%A`).
    if (err instanceof URIError) {
      res.status(400).json({ error: { code: 'invalid_path', message: 'the request path has a malformed %-escape' } });
      return;
    }
    // Any other client error of the HTTP layer (a body that is not the gzip or deflate it says it is, a
    // wrong Content-Length): its status, and its message, which such errors mark as safe to show (expose).
    const { status, expose } = err as { status?: unknown; expose?: unknown };
    if (typeof status === 'number' && status >= 400 && status < 500 && expose === true) {
      const detail = err instanceof Error && err.message && err.message !== 'Bad Request' ? ` (${err.message})` : '';
      res.status(status).json({
        error: {
          code: 'bad_request',
          message: `the request could not be read${detail}: check its body, Content-Encoding and Content-Length`,
        },
      });
      return;
    }
    logger.error('unhandled error', {
      method: req.method,
      path: req.path,
      error: err instanceof Error ? err.stack : String(err),
    });
    res.status(500).json({ error: { code: 'internal', message: 'internal error' } });
  };
}

/** What the HTTP parser's errors answer, by their code (anything else it cannot read is a 400). */
const CLIENT_ERRORS: Record<string, { status: number; reason: string; code: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    code: 'headers_too_large',
    message:
      "the request headers are too large (16 KB in all): clear this site's cookies or send fewer or shorter headers",
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: 'Request Timeout',
    code: 'request_timeout',
    message: 'the request took too long to arrive',
  },
};
const BAD_REQUEST = {
  status: 400,
  reason: 'Bad Request',
  code: 'bad_request',
  message: 'the request could not be read: it is not well-formed HTTP',
};

/** Answers the errors of Node's HTTP parser, which come before Express, with the API's JSON error shape. */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: Error & { code?: string }, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const { status, reason, code, message } = CLIENT_ERRORS[err.code ?? ''] ?? BAD_REQUEST;
    const body = JSON.stringify({ error: { code, message } });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
