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

export function securityHeaders(): RequestHandler {
  return helmet(HELMET_OPTIONS) as RequestHandler;
}
