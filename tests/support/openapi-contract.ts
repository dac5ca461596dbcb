// Checks HTTP exchanges against the served OpenAPI document with an OpenAPI validator that knows nothing of
// the zod schemas the document was generated from: openapi-backend (routing, parameters, bodies) on Ajv's
// JSON Schema 2020-12 (what OpenAPI 3.1 uses). Each exchange is recorded as supertest made it: what was sent
// and what came back (status, media type, headers, body), and every way it departs from the document is
// a violation.
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type express from 'express';
import { OpenAPIBackend, type Document } from 'openapi-backend';
import request from 'supertest';
import { binary } from './binary';

export interface Exchange {
  method: string;
  /** The path with its query string, e.g. `/api/graph?country=XA`. */
  url: string;
  requestHeaders: Record<string, string>;
  /** What was sent: a JSON value, text or bytes. */
  requestBody?: unknown;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: Buffer;
  /** The request is wrong on purpose, and the document must say so too (e.g. ?country=se). */
  invalidRequest?: boolean;
  /** Check only the answer (a recorded exchange the app refused: whether the request was wrong is not known). */
  uncheckedRequest?: boolean;
}

export interface Call {
  method?: 'get' | 'post' | 'put' | 'delete';
  url: string;
  headers?: Record<string, string>;
  /** A value sent as JSON, or text or bytes sent with the Content-Type in `headers`. */
  body?: unknown;
  invalidRequest?: boolean;
}

/** Sends `call` to `app` through supertest and records the exchange as it happened. */
export async function exchange(app: express.Express, call: Call): Promise<Exchange> {
  const method = call.method ?? 'get';
  let req = request(app)[method](call.url).buffer(true).parse(binary);
  const headers: Record<string, string> = Object.fromEntries(
    Object.entries(call.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
  );
  for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
  if (call.body !== undefined) {
    if (!headers['content-type']) headers['content-type'] = 'application/json';
    req = req.send(Buffer.isBuffer(call.body) || typeof call.body === 'string' ? call.body : JSON.stringify(call.body));
    if (headers['content-type'] === 'application/json') req = req.set('content-type', 'application/json');
  }
  const res = await req;
  return {
    method,
    url: call.url,
    requestHeaders: headers,
    requestBody: call.body,
    status: res.status,
    responseHeaders: Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k.toLowerCase(), String(v)])),
    responseBody: res.body as Buffer,
    ...(call.invalidRequest ? { invalidRequest: true } : {}),
  };
}

const mediaOf = (contentType: string | undefined) => contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
const JSON_MEDIA = (media: string) => media === 'application/json' || media.endsWith('+json');

type ResponseObject = { content?: Record<string, { schema?: unknown }>; headers?: Record<string, unknown> };

export class ContractChecker {
  private constructor(
    private readonly api: OpenAPIBackend,
    readonly document: Document,
  ) {}

  static async create(document: Document): Promise<ContractChecker> {
    const api = new OpenAPIBackend({
      definition: structuredClone(document),
      apiRoot: '/',
      strict: true,
      validate: true,
      // quick: no check of the document itself, which here knows only OpenAPI 3.0 (Redocly checks it: openapi-lint.test.ts).
      quick: true,
      // OpenAPI 3.1 schemas are JSON Schema 2020-12: Ajv's 2020 dialect, not its default draft-07.
      customizeAjv: (_draft07, options) => {
        const ajv = new Ajv2020({ ...options, strict: false, allErrors: true });
        addFormats(ajv);
        ajv.addFormat('binary', true);
        return ajv;
      },
    });
    await api.init();
    return new ContractChecker(api, document);
  }

  /** The operationId the exchange's method and path match, if any. */
  operationOf(ex: Exchange): string | undefined {
    const [path = ''] = ex.url.split('?');
    return this.api.router.matchOperation({ method: ex.method, path, headers: {} })?.operationId;
  }

  /** Every way `ex` departs from the document, each as one line naming the exchange. */
  violations(ex: Exchange): string[] {
    const name = `${ex.method.toUpperCase()} ${ex.url} -> ${ex.status}`;
    const out: string[] = [];
    const [path = '', search = ''] = ex.url.split('?');
    const query = Object.fromEntries(new URLSearchParams(search));
    const operation = this.api.router.matchOperation({ method: ex.method, path, query, headers: ex.requestHeaders });
    if (!operation) return [`${name}: no operation in the document matches`];

    // The request: parameters and body as the document describes them.
    if (!ex.uncheckedRequest) {
      const requestMedia = mediaOf(ex.requestHeaders['content-type']);
      const requestContent = (operation.requestBody as { content?: Record<string, unknown> } | undefined)?.content;
      const requestProblems: string[] = [];
      if (ex.requestBody !== undefined) {
        if (!requestContent) requestProblems.push('sends a body the operation does not take');
        else if (!requestContent[requestMedia])
          requestProblems.push(`sends ${requestMedia}, which the operation does not list`);
      }
      // Bytes sent as JSON are what the server must parse; the validator checks JSON values.
      const jsonBody =
        ex.requestBody !== undefined && !Buffer.isBuffer(ex.requestBody) && JSON_MEDIA(requestMedia)
          ? ex.requestBody
          : undefined;
      const validation = this.api.validateRequest(
        { method: ex.method, path, query, headers: ex.requestHeaders, body: jsonBody as never },
        operation,
      );
      for (const e of validation.errors ?? [])
        requestProblems.push(`request ${e.instancePath || '/'} ${e.message ?? e.keyword}`);
      if (ex.invalidRequest) {
        if (!requestProblems.length)
          out.push(`${name}: the request is invalid on purpose, but the document accepts it`);
      } else {
        out.push(...requestProblems.map((p) => `${name}: ${p}`));
      }
    }
    const security = (operation.security ?? this.document.security ?? []) as Array<Record<string, unknown>>;
    const needsSession = security.length > 0 && !security.some((s) => Object.keys(s).length === 0);
    if (needsSession && !ex.requestHeaders.cookie && ex.status < 400)
      out.push(`${name}: answered without the session the document requires`);

    // The response: a documented status, a documented media type, a body matching its schema.
    const responses = operation.responses as Record<string, ResponseObject>;
    const response = responses[String(ex.status)] ?? responses[`${String(ex.status)[0]}XX`] ?? responses.default;
    if (!response)
      return [
        ...out,
        `${name}: status ${ex.status} is not documented (documented: ${Object.keys(responses).join(', ')})`,
      ];
    const media = mediaOf(ex.responseHeaders['content-type']);
    const empty = ex.responseBody.length === 0;
    if (!response.content) {
      if (!empty) out.push(`${name}: a body (${media}) where the document has none`);
      return out;
    }
    if (empty) return [...out, `${name}: no body where the document has ${Object.keys(response.content).join(', ')}`];
    if (!response.content[media])
      return [
        ...out,
        `${name}: answered ${media || 'no Content-Type'}, documented: ${Object.keys(response.content).join(', ')}`,
      ];
    if (JSON_MEDIA(media)) {
      let body: unknown;
      try {
        body = JSON.parse(ex.responseBody.toString('utf8'));
      } catch {
        return [...out, `${name}: the ${media} body is not JSON`];
      }
      const result = this.api.validateResponse(body, operation, ex.status);
      for (const e of result.errors ?? [])
        out.push(`${name}: response ${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
    }
    for (const [header, spec] of Object.entries(response.headers ?? {})) {
      if ((spec as { required?: boolean }).required && ex.responseHeaders[header.toLowerCase()] === undefined) {
        out.push(`${name}: the documented header ${header} is missing`);
      }
    }
    return out;
  }
}
