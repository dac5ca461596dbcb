// Serving the built client (dist/client). Hashed files under /assets/ never change under their name: they are
// cached for a year and marked immutable, and sent as the brotli or gzip copy the build wrote beside them
// (vite.config.mts) when the browser accepts it. index.html names the current hashes, so it is never used
// from a cache without asking (no-cache: a 304 when unchanged). Everything else (the favicon) keeps a day.
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';
const OTHER_FILES_MAX_AGE = '1d';

/** The encodings the build writes beside an asset, best first, with the file suffix of each. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/**
 * The precompressed copy to send: the one the browser accepts with the highest quality, brotli before gzip when it
 * accepts both alike (browsers list gzip first). Undefined: send the file itself.
 */
export function chooseEncoding(
  acceptEncoding: string | undefined,
  available: ReadonlySet<string>,
): (typeof ENCODINGS)[number] | undefined {
  const quality = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.split(';').map((x) => x.trim());
    if (!name) continue;
    const q = params.find((x) => /^q=/i.test(x));
    const value = q ? Number(q.slice(2)) : 1;
    quality.set(name.toLowerCase(), Number.isFinite(value) ? value : 0);
  }
  let best: (typeof ENCODINGS)[number] | undefined;
  let bestQ = 0;
  for (const e of ENCODINGS) {
    const q = quality.get(e.name) ?? quality.get('*') ?? 0;
    if (available.has(e.name) && q > bestQ) {
      best = e;
      bestQ = q;
    }
  }
  return best;
}

/** For each asset (its URL path) the encodings it has a precompressed copy in. */
function precompressed(clientDir: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const assets = path.join(clientDir, 'assets');
  if (!fs.existsSync(assets)) return found;
  const files = new Set(fs.readdirSync(assets));
  for (const file of files) {
    for (const e of ENCODINGS) {
      if (file.endsWith(e.suffix) && files.has(file.slice(0, -e.suffix.length))) {
        const url = `/assets/${file.slice(0, -e.suffix.length)}`;
        const set = found.get(url) ?? new Set<string>();
        set.add(e.name);
        found.set(url, set);
      }
    }
  }
  return found;
}

/** Mounts the client on `app`: assets, other files, and index.html for the client's own addresses. False if not built. */
export function serveClient(app: express.Express, dir: string): boolean {
  // sendFile needs an absolute path.
  const clientDir = path.resolve(dir);
  const index = path.join(clientDir, 'index.html');
  if (!fs.existsSync(index)) return false;
  const variants = precompressed(clientDir);

  app.use('/assets', (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const url = `/assets${req.path}`;
    const has = variants.get(url);
    if (!has) return next();
    res.vary('Accept-Encoding');
    const encoding = chooseEncoding(req.headers['accept-encoding'], has);
    if (!encoding) return next();
    res.setHeader('Content-Encoding', encoding.name);
    // The type of the file itself, not of its compressed copy (send keeps a Content-Type already set).
    res.type(path.extname(req.path));
    res.sendFile(
      path.join(clientDir, 'assets', `${req.path.slice(1)}${encoding.suffix}`),
      {
        headers: { 'Cache-Control': IMMUTABLE },
        cacheControl: false,
        dotfiles: 'deny',
      },
      (err) => {
        if (err) {
          res.removeHeader('Content-Encoding');
          next(err);
        }
      },
    );
  });

  app.use(
    express.static(clientDir, {
      index: false,
      maxAge: OTHER_FILES_MAX_AGE,
      setHeaders(res, file) {
        const rel = path.relative(clientDir, file);
        if (rel.startsWith(`assets${path.sep}`)) res.setHeader('Cache-Control', IMMUTABLE);
        else if (rel === 'index.html') res.setHeader('Cache-Control', REVALIDATE);
      },
    }),
  );
  // The client's own addresses get the page; a missing file (an old asset, /favicon.ico) gets a 404, not HTML.
  app.get(/^\/(?!api(?:\/|$)|assets\/)[^.]*$/, (_req, res) => {
    res.sendFile(index, { headers: { 'Cache-Control': REVALIDATE }, cacheControl: false });
  });
  return true;
}
