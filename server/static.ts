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

/** The module each view's chunk is built from (client/src/lazyViews.ts); the manifest names chunks by it. */
export const VIEW_SOURCES: Readonly<Record<string, string>> = {
  map: 'src/features/map/components/MapView.tsx',
  gaps: 'src/features/gaps/components/GapsView.tsx',
  bottlenecks: 'src/features/bottlenecks/components/BottlenecksView.tsx',
  plan: 'src/features/plan/components/PlanView.tsx',
  ncp: 'src/features/ncp/components/NcpView.tsx',
  compare: 'src/features/compare/components/CompareView.tsx',
  evidence: 'src/features/evidence/components/EvidenceView.tsx',
  rounds: 'src/features/rounds/components/RoundsView.tsx',
  reports: 'src/features/reports/components/ReportsView.tsx',
  data: 'src/features/data/components/DataView.tsx',
  history: 'src/features/audit/components/AuditView.tsx',
  accounts: 'src/features/auth/components/AccountsView.tsx',
};
/** The view the client opens when the address names none it knows (lib/views.ts, viewOf). */
const DEFAULT_VIEW = 'map';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/**
 * For each view, the `<link>`s that fetch its chunk, the chunks that chunk imports and its styles along with the
 * page, instead of once the entry module has run and asks for them (one round trip later). The entry's own chunks
 * are in index.html already. Empty without the build's manifest.
 */
export function viewHints(clientDir: string): Map<string, string> {
  const hints = new Map<string, string>();
  const file = path.join(clientDir, '.vite', 'manifest.json');
  if (!fs.existsSync(file)) return hints;
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, ManifestChunk>;
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(key) || !manifest[key]) return seen;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) closure(imported, seen);
    return seen;
  };
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  const loaded = entry ? closure(entry) : new Set<string>();
  for (const [view, source] of Object.entries(VIEW_SOURCES)) {
    if (!manifest[source]) continue;
    const chunks = [...closure(source)].filter((key) => !loaded.has(key)).map((key) => manifest[key]!);
    // crossorigin as the module scripts and Vite's own preloads ask, so that they reuse these answers.
    const links = [
      ...chunks.map((c) => `<link rel="modulepreload" crossorigin href="/${c.file}">`),
      ...[...new Set(chunks.flatMap((c) => c.css ?? []))].map(
        (css) => `<link rel="preload" as="style" crossorigin href="/${css}">`,
      ),
    ];
    hints.set(view, links.join('\n    '));
  }
  return hints;
}

/** Mounts the client on `app`: assets, other files, and index.html for the client's own addresses. False if not built. */
export function serveClient(app: express.Express, dir: string): boolean {
  // sendFile needs an absolute path.
  const clientDir = path.resolve(dir);
  const index = path.join(clientDir, 'index.html');
  if (!fs.existsSync(index)) return false;
  const variants = precompressed(clientDir);
  // The page and the views' hints, read again when the build is replaced under a running server.
  let built = { at: -1, page: '', hints: new Map<string, string>() };
  // The page for each view, with that view's hints (a view the client does not know opens the default one).
  const pageOf = (view: string | undefined): string => {
    const at = fs.statSync(index).mtimeMs;
    if (at !== built.at) built = { at, page: fs.readFileSync(index, 'utf8'), hints: viewHints(clientDir) };
    const links = built.hints.get(view && VIEW_SOURCES[view] ? view : DEFAULT_VIEW);
    return links ? built.page.replace('</head>', `  ${links}\n  </head>`) : built.page;
  };

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
        if (!err) return;
        // Failed mid-file (most often the browser went away): the headers are gone already, so the answer is cut
        // off rather than mended (removing a header now would throw, outside any handler).
        if (res.headersSent) {
          res.destroy();
          return;
        }
        res.removeHeader('Content-Encoding');
        next(err);
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
  app.get(/^\/(?!api(?:\/|$)|assets\/)[^.]*$/, (req, res) => {
    const view = typeof req.query.view === 'string' ? req.query.view : undefined;
    res.setHeader('Cache-Control', REVALIDATE);
    res.type('html').send(pageOf(view));
  });
  return true;
}
