// Refuses state-changing API requests that a browser sends from another site (cross-site request forgery).
import type { Request, RequestHandler } from 'express';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface OriginCheckOptions {
  /** Other origins whose pages may change data (e.g. `https://atlas.example.org`), already normalised. */
  allowedOrigins?: readonly string[];
}

function parseOrigin(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether `origin` is the app's own: the same host and port as the request's Host (X-Forwarded-Host
 * when Express trusts the proxy). The scheme is not compared, because behind a TLS-terminating proxy
 * that is not trusted the app sees http; but when the app knows it is on HTTPS, an http page is foreign.
 */
function isOwnOrigin(origin: URL, req: Request): boolean {
  const host = req.host;
  if (!host) return false;
  if (req.secure && origin.protocol !== 'https:') return false;
  try {
    // Through URL, so that a default port written in Host (`example.org:443`) is dropped as in Origin.
    return new URL(`${origin.protocol}//${host}`).host === origin.host;
  } catch {
    return false;
  }
}

/**
 * POST, PUT, PATCH and DELETE pass when they carry no Origin and no `Sec-Fetch-Site: cross-site` (curl,
 * the CLI, tests), or when the Origin is the app's own or one of `allowedOrigins`; others get a 403.
 */
export function originCheck(options: OriginCheckOptions = {}): RequestHandler {
  const allowed = new Set(options.allowedOrigins ?? []);
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const header = req.get('origin');
    const origin = header === undefined ? undefined : parseOrigin(header);
    if (origin && allowed.has(origin.origin)) return next();
    const crossSite = req.get('sec-fetch-site')?.toLowerCase() === 'cross-site';
    const foreign = header !== undefined && !(origin && isOwnOrigin(origin, req));
    if (!crossSite && !foreign) return next();
    const from = header === undefined ? 'another site' : JSON.stringify(header.slice(0, 200));
    res.status(403).json({
      error: {
        code: 'forbidden',
        message: `cross-site request refused: a ${req.method} from ${from} may not change data here; open the app from its own address (or ask the administrator to add that origin to ALLOWED_ORIGINS)`,
      },
    });
  };
}
