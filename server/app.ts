// createApp(deps) builds the Express app: the API under /api and the built client, if present.
import compression from 'compression';
import express from 'express';
import { verifyJsonBody, verifyTextBody } from './tabular/body';
import { buildOpenApi } from './api/openapi';
import { errorHandler, notFoundApi } from './api/errors';
import type { Logger } from './logger';
import { originCheck } from './api/origin';
import { deferCompression } from './api/encoding';
import { jsonAnswerPaths, mountRoutes, type RouteDef } from './api/route';
import { accountRoutes } from './api/routes/accounts';
import { analysisRoutes } from './api/routes/analysis';
import { authRoutes } from './api/routes/auth';
import { auditRoutes } from './api/routes/audit';
import { entityRoutes } from './api/routes/entities';
import { eventsRoutes } from './api/routes/events';
import { evidenceRoutes } from './api/routes/evidence';
import { mapRoutes, SPREADSHEET_TYPES, UPLOAD_LIMIT_BYTES, YAML_TYPES } from './api/routes/map';
import { reportsRoutes } from './api/routes/reports';
import { roundsRoutes } from './api/routes/rounds';
import { systemRoutes } from './api/routes/system';
import { securityHeaders } from './api/security';
import { serveClient } from './static';
import type { Clock } from './auth/clock';
import { UnauthenticatedError } from './auth/errors';
import { sessionMiddleware } from './auth/middleware';
import { createAuthServices, type AuthServices } from './auth/services';
import { userOf } from './model/roles';
import { AnalysisService } from './services/analysis';
import { EventsHub, type EventsOptions } from './services/events';
import { RoundsService } from './services/rounds';
import { htmlToPdf } from './reports/pdf';
import { ReportsService } from './services/reports';
import type { GraphStore } from './store/port';

export interface AppDeps {
  store: GraphStore;
  logger?: Logger;
  /** The built client (dist/client); when absent, only the API is served. */
  clientDir?: string;
  version?: string;
  /** Other origins whose pages may send state-changing requests (ALLOWED_ORIGINS), normalised. */
  allowedOrigins?: readonly string[];
  /** Behind one reverse proxy (TRUST_PROXY): believe its X-Forwarded-* headers, one hop. */
  trustProxy?: boolean;
  /** The clock sessions and the sign-in throttle read and wait with (tests pass a fake one). */
  clock?: Clock;
  /** COOKIE_SECURE: the session cookie is always Secure (else only when the request came over HTTPS). */
  cookieSecure?: boolean;
  /** SESSION_HOURS: absolute session lifetime (default 12). */
  sessionHours?: number;
  /** LOCKOUT_MINUTES: how long repeated failed sign-ins lock a username (default 15). */
  lockoutMinutes?: number;
  /** SESSION_CACHE_SECONDS: how long read requests may use a session this instance cached (default 2; 0: none). */
  sessionCacheSeconds?: number;
  /** The change feed's timings and bounds (GET /api/events; tests shorten the heartbeat). */
  events?: EventsOptions;
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** Who makes a change: the signed-in user (routes that change data are never public). */
function actorOf(req: express.Request): string {
  const user = req.res ? userOf(req.res) : undefined;
  if (!user) throw new UnauthenticatedError();
  return user.username;
}

export function apiRoutes(
  deps: AppDeps,
  auth: AuthServices = createAuthServices(deps.store, deps),
  events = eventsHub(deps),
): RouteDef[] {
  const routes: RouteDef[] = [];
  routes.push(...authRoutes(auth), ...accountRoutes(auth), ...eventsRoutes(events, auth.sessions));
  const openapi = () => buildOpenApi(routes, { version: deps.version ?? '0.1.0' });
  routes.push(
    ...systemRoutes(deps.store, openapi),
    ...mapRoutes(deps.store, actorOf),
    ...entityRoutes(deps.store, actorOf),
    ...auditRoutes(deps.store),
    ...analysisRoutes(new AnalysisService(deps.store)),
    ...roundsRoutes(new RoundsService(deps.store), actorOf),
    ...evidenceRoutes(deps.store),
    ...reportsRoutes(new ReportsService(deps.store), htmlToPdf),
  );
  return routes;
}

function eventsHub(deps: AppDeps): EventsHub {
  return new EventsHub(deps.store, { ...deps.events, logger: deps.events?.logger ?? deps.logger });
}

/** The change feed of an app createApp built: main.ts ends its streams on shutdown. */
export function eventsOf(app: express.Express): EventsHub | undefined {
  return app.locals.events as EventsHub | undefined;
}

export function createApp(deps: AppDeps): express.Express {
  const logger = deps.logger ?? silentLogger;
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  if (deps.trustProxy) app.set('trust proxy', 1);
  const auth = createAuthServices(deps.store, deps);
  const events = eventsHub(deps);
  app.locals.events = events;
  const routes = apiRoutes(deps, auth, events);
  const answered = jsonAnswerPaths(routes, '/api');
  app.use(securityHeaders());
  // gzip or brotli for answers and pages of 1 kB and more, when the browser accepts it (the client's hashed
  // assets go out precompressed, server/static.ts; this middleware leaves an answer with an encoding alone).
  // For a GET that route.ts answers from a cached answer's kept bytes, it encodes them itself, once per answer.
  app.use(deferCompression(compression(), (req) => req.method === 'GET' && answered.has(req.path)));

  const api = express.Router();
  api.use(originCheck({ allowedOrigins: deps.allowedOrigins }));
  api.use(sessionMiddleware(auth.sessions));
  // The bytes are checked before they are decoded: UTF-8 (else bad bytes would become U+FFFD silently) and nesting.
  // GET and HEAD routes take no body: their requests skip the parsers.
  const bodies = express.Router();
  bodies.use(
    express.json({
      limit: UPLOAD_LIMIT_BYTES,
      type: ['application/json', 'application/*+json'],
      verify: verifyJsonBody,
    }),
  );
  bodies.use(express.text({ limit: UPLOAD_LIMIT_BYTES, type: YAML_TYPES, verify: verifyTextBody }));
  bodies.use(express.raw({ limit: UPLOAD_LIMIT_BYTES, type: SPREADSHEET_TYPES }));
  api.use((req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    if (req.method === 'GET' || req.method === 'HEAD') next();
    else bodies(req, res, next);
  });
  mountRoutes(api, routes);
  api.use(notFoundApi);
  app.use('/api', api);

  if (!deps.clientDir || !serveClient(app, deps.clientDir)) {
    app.get('/', (_req, res) => {
      res
        .type('text/plain')
        .send('Flow Atlas API is running; the client is not built (run `npm run build`). See /api/openapi.json.');
    });
  }
  app.use(errorHandler(logger));
  return app;
}
