// createApp(deps) builds the Express app: the API under /api and the built client, if present.
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import { buildOpenApi } from './api/openapi';
import { errorHandler, notFoundApi, type Logger } from './api/errors';
import { mountRoutes, type RouteDef } from './api/route';
import { analysisRoutes } from './api/routes/analysis';
import { auditRoutes } from './api/routes/audit';
import { entityRoutes } from './api/routes/entities';
import { evidenceRoutes } from './api/routes/evidence';
import { mapRoutes, SPREADSHEET_TYPES, UPLOAD_LIMIT_BYTES, YAML_TYPES } from './api/routes/map';
import { roundsRoutes } from './api/routes/rounds';
import { systemRoutes } from './api/routes/system';
import { AnalysisService } from './services/analysis';
import { RoundsService } from './services/rounds';
import type { GraphStore } from './store/port';

export interface AppDeps {
  store: GraphStore;
  logger?: Logger;
  /** The built client (dist/client); when absent, only the API is served. */
  clientDir?: string;
  version?: string;
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** Who makes a change. Until accounts exist, an optional X-Actor header names the person; else "anonymous". */
function actorOf(req: express.Request): string {
  const header = req.get('x-actor')?.trim();
  return header && /^[\w .@-]{1,80}$/.test(header) ? header : 'anonymous';
}

export function apiRoutes(deps: AppDeps): RouteDef[] {
  const routes: RouteDef[] = [];
  const openapi = () => buildOpenApi(routes, { version: deps.version ?? '0.1.0' });
  routes.push(...systemRoutes(deps.store, openapi), ...mapRoutes(deps.store, actorOf), ...entityRoutes(deps.store, actorOf), ...auditRoutes(deps.store),
    ...analysisRoutes(new AnalysisService(deps.store)), ...roundsRoutes(new RoundsService(deps.store), actorOf), ...evidenceRoutes(deps.store));
  return routes;
}

export function createApp(deps: AppDeps): express.Express {
  const logger = deps.logger ?? silentLogger;
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');

  const api = express.Router();
  api.use(express.json({ limit: UPLOAD_LIMIT_BYTES, type: ['application/json', 'application/*+json'] }));
  api.use(express.text({ limit: UPLOAD_LIMIT_BYTES, type: YAML_TYPES }));
  api.use(express.raw({ limit: UPLOAD_LIMIT_BYTES, type: SPREADSHEET_TYPES }));
  api.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  mountRoutes(api, apiRoutes(deps));
  api.use(notFoundApi);
  app.use('/api', api);

  const index = deps.clientDir ? path.join(deps.clientDir, 'index.html') : undefined;
  if (deps.clientDir && index && fs.existsSync(index)) {
    app.use(express.static(deps.clientDir, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(index));
  } else {
    app.get('/', (_req, res) => {
      res.type('text/plain').send('Flow Atlas API is running; the client is not built (run `npm run build`). See /api/openapi.json.');
    });
  }
  app.use(errorHandler(logger));
  return app;
}
