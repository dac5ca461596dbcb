// The security headers (helmet): a strict Content-Security-Policy the built client runs under, and helmet's other defaults.
import { createHash } from 'node:crypto';
import helmet, { type HelmetOptions } from 'helmet';
import type { RequestHandler } from 'express';

/**
 * Cytoscape's renderer inserts one `<style>` element with exactly this rule into the page (cytoscape
 * 3.35, BaseRenderer.init), and has no option to leave it out. Its hash lets that text, and no other
 * inline style, through; if a Cytoscape upgrade changes the text, tests/e2e/csp.e2e.test.ts fails.
 */
export const CYTOSCAPE_CONTAINER_STYLE = '.__________cytoscape_container { position: relative; }';
const cytoscapeStyleHash = `'sha256-${createHash('sha256').update(CYTOSCAPE_CONTAINER_STYLE).digest('base64')}'`;

/**
 * Everything comes from the app's own origin. No inline script, no eval, no inline style but the one
 * above; style attributes are blocked too (React's `style={}` sets properties through the CSSOM, which
 * CSP does not govern). Images may also be data: and blob: URLs (the map's PNG and SVG exports).
 * Nothing may frame the app, post forms elsewhere or change the base URL. helmet's
 * `upgrade-insecure-requests` is left out: every URL the app uses is relative, so behind HTTPS it
 * adds nothing, and on a plain-HTTP intranet install it would break the page.
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", cytoscapeStyleHash],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
} as const satisfies Record<string, readonly string[]>;

export const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
  // The same answer as frame-ancestors 'none', for browsers that only know the older header.
  xFrameOptions: { action: 'deny' },
  // The other helmet defaults stay: HSTS (browsers ignore it over plain HTTP), nosniff, no referrer,
  // same-origin opener and resource policies, origin-agent-cluster.
};

/**
 * The headers helmet sets with these options, found once by running it on a recording response: they do not depend
 * on the request (no nonces), so each request gets them in one loop instead of through helmet's twelve middlewares.
 * Falls back to helmet itself if it ever does anything but set and remove headers.
 */
function helmetHeaders(): Array<[string, string]> | undefined {
  const set = new Map<string, string>();
  let plain = true;
  let passed = false;
  const res = {
    setHeader: (name: string, value: unknown) => {
      if (typeof value !== 'string') plain = false;
      set.set(name, String(value));
    },
    removeHeader: (name: string) => {
      set.delete(name);
    },
  };
  const req = { method: 'GET', url: '/', headers: {} };
  (helmet(HELMET_OPTIONS) as unknown as (q: unknown, r: unknown, n: (err?: unknown) => void) => void)(
    req,
    res,
    (err) => {
      passed = !err;
    },
  );
  return plain && passed ? [...set] : undefined;
}

export function securityHeaders(): RequestHandler {
  const headers = helmetHeaders();
  if (!headers) return helmet(HELMET_OPTIONS) as RequestHandler;
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}
