// Route definitions: one table from which the Express router and the OpenAPI document are both built.
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { ForbiddenError, ValidationError } from '../errors';
import { problemsFromZod } from '../model/problems';
import { decide } from '../auth/permissions';
import { ACCESS_RULES, userOf, type AccessRule, type SessionUser } from '../model/roles';
import { answerBytes } from './answer';
import { ensureCompression, sendAnswer } from './encoding';

type Method = 'get' | 'post' | 'put' | 'delete';

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  req: Request;
  res: Response;
  /** The signed-in user (undefined only on public routes). */
  user: SessionUser | undefined;
}

/** What the OpenAPI document says beyond the schemas (server/api/openapi.ts); the route's behaviour does not read it. */
export interface RouteDoc {
  /** Success answers other than the JSON of `response`, by media type: bytes, or text. */
  media?: Record<string, 'binary' | 'text'>;
  /** Whether `response` is sent as JSON too (default true when the route has one). */
  json?: boolean;
  /** Error statuses a route answers beyond those of its access rule and method (a public route's 401, 429). */
  statuses?: number[];
  /** Headers of the success answer, by name: their description (Location on 201). */
  headers?: Record<string, string>;
  /** While the store is down the route answers 503 with its own `response` body (health), not the error body. */
  unavailableBody?: boolean;
}

// A table of routes is a `RouteDef[]` (unknown input); `handler` is a method so that a route with typed input still fits it.
export interface RouteDef<P = unknown, Q = unknown, B = unknown> {
  method: Method;
  /** Express path below /api, e.g. `/stakeholders/:id`. */
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  /** Validated in the route when `validateBody` is not false; always shown in the OpenAPI document. */
  body?: z.ZodType<B>;
  /** When the use case validates the body itself (to name items inside documents), the route does not. */
  validateBody?: boolean;
  /** Other request content types accepted besides JSON (e.g. YAML). */
  bodyTypes?: string[];
  response?: z.ZodType;
  status?: number;
  /** Who may call it (server/auth/types.ts; the roles per rule in server/auth/permissions.ts). Checked before the input is read. */
  access: AccessRule;
  doc?: RouteDoc;
  handler(input: RouteInput<P, Q, B>): Promise<unknown>;
}

export function defineRoute<P, Q, B>(def: RouteDef<P, Q, B>): RouteDef<P, Q, B> {
  return def;
}

function parseWith<T>(schema: z.ZodType<T> | undefined, value: unknown, where: 'query' | 'path' | 'body'): T {
  if (!schema) return value as T;
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  // Query and path parameters are flat: the first path segment is the field.
  const problems = problemsFromZod(result.error, value, { prefix: where });
  const fields = problems.map((p) => p.field ?? p.path).join(', ');
  throw new ValidationError(`invalid ${where === 'path' ? 'path parameter' : where}: ${fields}`, problems);
}

/** Refuses, at start-up, a route table in which a route declares no access rule (or one that does not exist). */
export function assertAccessRules(routes: readonly RouteDef[]): void {
  const missing = routes.filter((r) => !(ACCESS_RULES as readonly unknown[]).includes(r.access));
  if (missing.length) {
    const names = missing.map(
      (r) =>
        `${r.method.toUpperCase()} /api${r.path}${r.access === undefined ? '' : ` (unknown rule '${String(r.access)}')`}`,
    );
    throw new Error(`every API route must declare who may call it (access); missing for: ${names.join(', ')}`);
  }
}

/** A path without parameters or patterns (`/analysis/coverage`): it matches itself alone. */
const FIXED_PATH = /^(?:\/[A-Za-z0-9._~-]+)+$/;

/**
 * Whether a request for the fixed `path` could be taken by `earlier`, a route registered before it (Express takes
 * the first route that matches): the same method and a path of as many segments, each equal or a parameter. A path
 * with anything but plain segments and parameters may match anything.
 */
function mayTake(earlier: RouteDef, path: string): boolean {
  if (earlier.method !== 'get') return false;
  if (!/^(?:\/(?::[A-Za-z0-9_]+|[A-Za-z0-9._~-]+))+$/.test(earlier.path)) return true;
  const a = earlier.path.split('/');
  const b = path.split('/');
  return a.length === b.length && a.every((seg, i) => seg.startsWith(':') || seg.toLowerCase() === b[i]!.toLowerCase());
}

/**
 * The GET routes with a fixed path that Express would give a request for that path: a request for one of them is
 * dispatched by one look-up (mountRoutes) instead of Express's match of every route registered before it in turn.
 */
export function fixedGetRoutes(routes: readonly RouteDef[]): Map<string, RouteDef> {
  const fixed = new Map<string, RouteDef>();
  routes.forEach((route, i) => {
    if (route.method !== 'get' || !FIXED_PATH.test(route.path)) return;
    if (routes.slice(0, i).some((earlier) => mayTake(earlier, route.path))) return;
    fixed.set(route.path, route);
  });
  return fixed;
}

/**
 * The full paths (`prefix` + path) of the fixed GET routes that answer JSON (no other media): route.ts sends their
 * answers, encoded from kept bytes (encoding.ts), so the compression middleware is deferred for them.
 */
export function jsonAnswerPaths(routes: readonly RouteDef[], prefix: string): Set<string> {
  const paths = new Set<string>();
  for (const [path, route] of fixedGetRoutes(routes))
    if (!route.doc?.media && route.doc?.json !== false) paths.add(`${prefix}${path}`);
  return paths;
}

export function mountRoutes(router: express.Router, routes: readonly RouteDef[]): void {
  assertAccessRules(routes);
  const fixed = fixedGetRoutes(routes);
  const byRoute = new Map<RouteDef, (req: Request, res: Response) => Promise<void>>();
  // A GET for a fixed path (exactly as written: another spelling goes the usual way and finds the same route)
  // goes straight to its route's handler; rejections go to the error middleware, as Express does.
  router.use((req, res, next) => {
    const route = req.method === 'GET' ? fixed.get(req.path) : undefined;
    const handle = route && byRoute.get(route);
    if (!handle) {
      next();
      return;
    }
    handle(req, res).catch((err: unknown) => next(err ?? new Error('Rejected promise')));
  });
  for (const route of routes) {
    const handle = async (req: Request, res: Response) => {
      const user = userOf(res);
      const decision = decide(route.access, user);
      if (!decision.allowed) {
        if (decision.status === 401) {
          ensureCompression(req, res);
          res.status(401).json({ error: { code: decision.code, message: decision.message } });
          return;
        }
        throw new ForbiddenError(decision.message);
      }
      const params = parseWith(route.params, req.params, 'path');
      const query = parseWith(route.query, { ...(req.query as object) }, 'query');
      const body =
        route.body && route.validateBody !== false
          ? parseWith(route.body, req.body as unknown, 'body')
          : (req.body as unknown);
      const result = await route.handler({ params, query, body, req, res, user });
      if (res.headersSent) return;
      // A status the handler set (health's 503) stands; otherwise the route's own.
      res.status(res.statusCode !== 200 ? res.statusCode : (route.status ?? 200));
      if (result === null || typeof result !== 'object') {
        ensureCompression(req, res);
        res.json(result);
        return;
      }
      // The bytes kept with a cached answer (no JSON.stringify on a hit) and their strong ETag; res.send answers
      // 304 to a GET whose If-None-Match names it, and leaves the body out for HEAD.
      const answer = answerBytes(result);
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('ETag', answer.etag);
      await sendAnswer(req, res, answer);
    };
    byRoute.set(route, handle);
    router[route.method](route.path, handle);
  }
}
