// `npm run bench:client`: the map explorer in headless Chromium (Debian's, the e2e flags), against the
// built client (`npx vite build` first) and the real server on an embedded store. Every figure is the
// median of several runs, each in a fresh browser context (nothing cached).
//   npm run bench:client [-- --runs 5] [--large-runs 3] [--sizes 500,2000,10000,seed,3x1000,13x1000]
//     [--only seed|synthetic|scale|lighthouse] [--lighthouse-runs 3] [--views map,compare,bottlenecks]
//     [--lighthouse-views map,gaps,ncp,compare] [--presets desktop,mobile] [--client-dir dist/client]
// Measures (1) navigation -> laid-out map of a seed country, (2) the same for one synthetic country of
// about 500, 2,000 and 10,000 elements (stakeholders + flows on its map), each with Cytoscape's canvas
// renderer and its WebGL renderer (`?renderer=webgl`), and pan/zoom smoothness: frames per second while
// a script zooms in and out and pans for 2 s, one step per animation frame; (3) Lighthouse's performance,
// accessibility and best-practices scores of the Map, Gaps, NCP and Compare views on the seed, signed in,
// under its desktop and mobile presets (tests/perf/lighthouse.ts); (4) "scale" (tests/perf/client-scale.ts): at
// the seed and at synthetic regions of N countries x M stakeholders (--sizes entries "seed" and NxM; by
// default seed,3x1000,13x1000; --runs, default 3 here), the map's first draw, the "by sector" layout,
// Compare (answer -> table, sketches), Bottlenecks and a what-if change, each with its longest main-thread task.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import type { MapDocument } from '../../server/model';
import { CHROMIUM, CHROMIUM_ARGS, CLIENT_INDEX, VIEWPORT } from '../support/chromium';
import { startTestServer, type TestServer } from '../support/server';
import {
  LIGHTHOUSE_VIEWS,
  lighthouseRows,
  PRESETS,
  printLighthouseTable,
  type LighthouseRow,
  type Preset,
} from './lighthouse';
import { measureScale, parseScaleSize, printScaleTable, SCALE_VIEWS, type ScaleRow } from './client-scale';
import { syntheticRegion } from './synthetic';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string' },
    'large-runs': { type: 'string', default: '3' },
    sizes: { type: 'string' },
    only: { type: 'string' },
    country: { type: 'string', default: 'SE' },
    'lighthouse-runs': { type: 'string', default: '3' },
    views: { type: 'string', default: SCALE_VIEWS.join(',') },
    'lighthouse-views': { type: 'string', default: LIGHTHOUSE_VIEWS.join(',') },
    presets: { type: 'string', default: PRESETS.join(',') },
    /** Another build of the client to serve (e.g. a copy of an earlier dist/client, to compare before and after). */
    'client-dir': { type: 'string' },
  },
});
const ONLY = ['seed', 'synthetic', 'scale', 'lighthouse'] as const;
if (args.only !== undefined && !(ONLY as readonly string[]).includes(args.only)) {
  throw new Error(`--only takes one of ${ONLY.join(', ')}, not '${args.only}'`);
}
const part = (name: (typeof ONLY)[number]) => args.only === undefined || args.only === name;
const LIGHTHOUSE_RUNS = Number(args['lighthouse-runs']);
const RUNS = Number(args.runs ?? 5);
const SCALE_RUNS = Number(args.runs ?? 3);
const LARGE_RUNS = Number(args['large-runs']);
// --sizes: numbers are the synthetic part's map sizes (elements), "seed" and NxM the scale part's regions.
const SIZE_TOKENS = (args.sizes ?? '500,2000,10000,seed,3x1000,13x1000').split(',').map((t) => t.trim());
const SIZES = SIZE_TOKENS.filter((t) => /^\d+$/.test(t))
  .map(Number)
  .filter((n) => n > 0);
const VIEWS = new Set(args.views.split(',').map((v) => v.trim()));
for (const v of VIEWS)
  if (!(SCALE_VIEWS as readonly string[]).includes(v))
    throw new Error(`--views takes some of ${SCALE_VIEWS.join(', ')}, not '${v}'`);
const listOf = <T extends string>(option: string, value: string, allowed: readonly T[]): T[] =>
  value.split(',').map((v) => {
    const t = v.trim();
    if (!(allowed as readonly string[]).includes(t))
      throw new Error(`--${option} takes some of ${allowed.join(', ')}, not '${t}'`);
    return t as T;
  });
const LIGHTHOUSE_VIEW_LIST = listOf('lighthouse-views', args['lighthouse-views'], LIGHTHOUSE_VIEWS);
const PRESET_LIST: Preset[] = listOf('presets', args.presets, PRESETS);
const CLIENT_DIR = args['client-dir'] ? path.resolve(args['client-dir']) : undefined;
if (CLIENT_DIR && !fs.existsSync(path.join(CLIENT_DIR, 'index.html')))
  throw new Error(`--client-dir ${CLIENT_DIR} holds no index.html (build one with npx vite build --outDir <dir>)`);
const SCALE_SIZES = SIZE_TOKENS.filter((t) => !/^\d+$/.test(t) && t !== '').map(parseScaleSize);
const MOTION_MS = 2000;
/** Maps above this many elements get `--large-runs` runs (their layout takes long). */
const LARGE = 5000;
const TIMEOUT = 15 * 60_000;

type Renderer = 'canvas' | 'webgl';

interface Sample {
  navToLaidOut: number;
  layoutMs: number;
  nodes: number;
  edges: number;
  /** Whether the map was laid out again while it was being zoomed and panned. */
  relaidOut: boolean;
  /** What drew the map: "canvas", or "webgl (<GL renderer string>)". */
  drawnBy: string;
  /** The first pass of zooming and panning: frames per second and the longest frame. */
  firstFps: number;
  firstMaxFrame: number;
  /** The second pass (steady state). */
  fps: number;
  meanFrame: number;
  p95Frame: number;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};

// Runs in the page, as source text (tsx would wrap named functions in a helper the page lacks): reads
// the renderer that drew the map, then zooms and pans for `motionMs` and times the animation frames.
const IN_PAGE = String.raw`async (motionMs) => {
  const hook = window.__flowAtlas;
  // Cytoscape keeps its instance on the container (_cyreg); the test hook is read-only on purpose.
  const container = document.querySelector('.graph-canvas');
  const cy = container && container._cyreg && container._cyreg.cy;
  if (!hook || !cy) throw new Error('no laid-out Cytoscape instance on .graph-canvas');
  let drawnBy = 'canvas';
  const glCanvas = container.querySelector('canvas[data-id$="-webgl"]');
  if (cy.renderer().webgl && glCanvas) {
    const gl = glCanvas.getContext('webgl2');
    const info = gl && gl.getExtension('WEBGL_debug_renderer_info');
    drawnBy = 'webgl (' + (gl ? String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)) : 'no context') + ')';
  }
  const w = cy.width();
  const h = cy.height();
  const z0 = cy.zoom();
  const layoutsBefore = hook.layoutMs;
  const motion = () => new Promise((resolve) => {
    const times = [];
    let start;
    let last = 0;
    const step = (now) => {
      if (start === undefined) start = now;
      else times.push(now - last);
      last = now;
      const t = (now - start) / motionMs;
      if (t >= 1) return resolve(times);
      // One zoom in-and-out cycle around the centre (up to 1.6x) while drifting sideways.
      cy.zoom({ level: z0 * (1 + 0.6 * Math.sin(2 * Math.PI * t)), renderedPosition: { x: w / 2, y: h / 2 } });
      cy.panBy({ x: 6 * Math.cos(4 * Math.PI * t), y: 4 * Math.sin(4 * Math.PI * t) });
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  const stats = (frames) => {
    const sorted = [...frames].sort((a, b) => a - b);
    const total = frames.reduce((a, b) => a + b, 0);
    return {
      fps: (frames.length / total) * 1000,
      meanFrame: total / frames.length,
      p95Frame: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? NaN,
      maxFrame: sorted[sorted.length - 1] ?? NaN,
    };
  };
  // The first pass also pays for caches (label textures, WebGL atlases); the second is the steady state.
  const first = stats(await motion());
  const second = stats(await motion());
  return {
    // A new instance (or a second layout) during the motion would make its frames meaningless: say so.
    relaidOut: window.__flowAtlas !== hook || hook.layoutMs !== layoutsBefore,
    layoutMs: hook.layoutMs ?? NaN,
    nodes: hook.nodeCount(),
    edges: hook.edgeCount(),
    drawnBy,
    firstFps: first.fps,
    firstMaxFrame: first.maxFrame,
    fps: second.fps,
    meanFrame: second.meanFrame,
    p95Frame: second.p95Frame,
  };
}`;

/** One run: a fresh context, navigate, wait for the laid-out map, check the renderer, then zoom and pan. */
async function run(browser: Browser, url: string, country: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(url, { waitUntil: 'commit' });
    // performance.now() counts from the start of the navigation.
    const done = await page.waitForFunction(
      (code) => {
        const h = window.__flowAtlas;
        return h && h.country === code && h.layoutDone ? performance.now() : false;
      },
      country,
      { polling: 'raf', timeout: TIMEOUT },
    );
    const navToLaidOut = (await done.jsonValue()) as number;
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    const measured = await page.evaluate<Omit<Sample, 'navToLaidOut'>>(`(${IN_PAGE})(${MOTION_MS})`);
    return { navToLaidOut, ...measured };
  } finally {
    await context.close();
  }
}

interface Row {
  map: string;
  renderer: Renderer;
  samples: Sample[];
}

async function measure(
  browser: Browser,
  server: TestServer,
  map: string,
  country: string,
  renderer: Renderer,
  runs: number,
): Promise<Row> {
  // Warm the server (its first answers compile code paths and fill caches); the browser starts cold each run.
  for (const p of ['/api/countries', '/api/reference', `/api/graph?country=${country}`])
    await (await fetch(`${server.url}${p}`)).arrayBuffer();
  const url = `${server.url}/?view=map&country=${country}${renderer === 'webgl' ? '&renderer=webgl' : ''}`;
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    const s = await run(browser, url, country);
    console.error(
      `  ${map}, ${renderer}, run ${i + 1}/${runs}: ${s.nodes + s.edges} elements, laid out after ${s.navToLaidOut.toFixed(0)} ms ` +
        `(fcose ${s.layoutMs} ms), ${s.firstFps.toFixed(1)} then ${s.fps.toFixed(1)} fps (longest first-pass frame ${s.firstMaxFrame.toFixed(0)} ms), ` +
        `drawn by ${s.drawnBy}${s.relaidOut ? '; LAID OUT AGAIN DURING PAN/ZOOM' : ''}`,
    );
    samples.push(s);
  }
  return { map, renderer, samples };
}

/** Elements (stakeholders and flows) on the map of `country`: its own and foreign ends, the flows touching it. */
function elementsOnMap(doc: MapDocument, country: string): number {
  const countryOf = new Map(doc.stakeholders.map((s) => [s.id, s.country]));
  const flows = doc.flows.filter((f) => countryOf.get(f.from) === country || countryOf.get(f.to) === country);
  const ends = new Set(flows.flatMap((f) => [f.from, f.to]));
  for (const s of doc.stakeholders) if (s.country === country) ends.add(s.id);
  return ends.size + flows.length;
}

/** One synthetic country whose map has about `target` elements (a few rounds of proportional correction). */
function syntheticOfSize(target: number): { doc: MapDocument; country: string; elements: number } {
  let n = Math.max(3, Math.round(target / 5.5));
  let best: { doc: MapDocument; country: string; elements: number } | undefined;
  for (let i = 0; i < 4; i++) {
    const doc = syntheticRegion({ countries: 1, stakeholdersPerCountry: n, seed: 1 });
    const country = doc.countries.find((c) => c.code !== 'INT')!.code;
    const elements = elementsOnMap(doc, country);
    if (!best || Math.abs(elements - target) < Math.abs(best.elements - target)) best = { doc, country, elements };
    if (Math.abs(elements - target) / target < 0.03) break;
    n = Math.max(3, Math.round((n * target) / elements));
  }
  return best!;
}

const ms = (x: number) => {
  if (!Number.isFinite(x)) return '-';
  if (x >= 10_000) return `${(x / 1000).toFixed(0)} s`;
  return x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`;
};

function printTable(rows: readonly Row[]): void {
  console.log(
    '\n| map | elements (nodes + edges) | renderer | navigation → laid out | fcose layout | pan/zoom, first 2 s: fps (longest frame) | next 2 s: fps | mean frame | slowest 5% of frames |',
  );
  console.log('|---|---:|---|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const s0 = r.samples[0]!;
    const m = (f: (s: Sample) => number) => median(r.samples.map(f));
    const drawn =
      r.renderer === 'webgl' && !s0.drawnBy.startsWith('webgl') ? 'webgl requested, canvas ran' : r.renderer;
    console.log(
      `| ${r.map} | ${(s0.nodes + s0.edges).toLocaleString('en')} (${s0.nodes.toLocaleString('en')} + ${s0.edges.toLocaleString('en')}) | ${drawn} | ` +
        `${ms(m((s) => s.navToLaidOut))} | ${ms(m((s) => s.layoutMs))} | ${m((s) => s.firstFps).toFixed(0)} (${ms(m((s) => s.firstMaxFrame))}) | ` +
        `${m((s) => s.fps).toFixed(0)} | ${ms(m((s) => s.meanFrame))} | ${ms(m((s) => s.p95Frame))} |`,
    );
  }
  const relaid = rows.filter((r) => r.samples.some((s) => s.relaidOut)).map((r) => `${r.map} (${r.renderer})`);
  if (relaid.length) console.log(`\nWarning: the map was laid out again during pan/zoom in: ${relaid.join(', ')}`);
  const gl = new Set(rows.flatMap((r) => r.samples.map((s) => s.drawnBy)).filter((d) => d.startsWith('webgl')));
  for (const d of gl) console.log(`\nWebGL ran as: ${d.slice(7, -1)}`);
}

async function main(): Promise<void> {
  if (!CLIENT_DIR && !fs.existsSync(CLIENT_INDEX))
    throw new Error(`${CLIENT_INDEX} is missing: build the client first (npx vite build)`);
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} not found (install Debian's chromium, or set CHROMIUM_PATH)`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const rows: Row[] = [];
  let lighthouse: LighthouseRow[] = [];
  const scale: ScaleRow[] = [];
  let loadBefore = NaN;
  let loadAfter = NaN;
  if (part('seed') || part('synthetic'))
    console.log(
      `Median of ${RUNS} runs (${LARGE_RUNS} above ${LARGE.toLocaleString('en')} elements); ${new Date().toISOString().slice(0, 10)}; ` +
        `Chromium ${browser.version()} headless, flags ${CHROMIUM_ARGS.join(' ')}; ${os.cpus().length} cores; viewport ${VIEWPORT.width}x${VIEWPORT.height}; ` +
        `pan/zoom: ${MOTION_MS / 1000} s of cy.zoom + cy.panBy, one step per animation frame`,
    );
  try {
    if (part('seed')) {
      const server = await startTestServer();
      try {
        const code = args.country.toUpperCase();
        for (const renderer of ['canvas', 'webgl'] as const)
          rows.push(await measure(browser, server, `seed country (${code})`, code, renderer, RUNS));
      } finally {
        await server.close();
      }
    }
    if (part('synthetic')) {
      for (const target of SIZES) {
        const { doc, country, elements } = syntheticOfSize(target);
        const server = await startTestServer({ seedMaps: false });
        try {
          await server.store.importDocument(doc, { mode: 'merge', actor: 'bench' });
          console.error(
            `synthetic ~${target.toLocaleString('en')}: ${country} with ${doc.stakeholders.filter((s) => s.country === country).length} stakeholders, ${elements} elements on its map`,
          );
          const runs = elements > LARGE ? LARGE_RUNS : RUNS;
          for (const renderer of ['canvas', 'webgl'] as const) {
            rows.push(
              await measure(
                browser,
                server,
                `synthetic, ~${target.toLocaleString('en')} elements`,
                country,
                renderer,
                runs,
              ),
            );
          }
        } finally {
          await server.close();
        }
      }
    }
    if (part('scale')) {
      for (const size of SCALE_SIZES) {
        console.error(`scale: ${size.label}`);
        scale.push(await measureScale(browser, size, SCALE_RUNS, args.country.toUpperCase(), VIEWS, CLIENT_DIR));
      }
    }
    if (part('lighthouse')) {
      const server = await startTestServer(CLIENT_DIR ? { clientDir: CLIENT_DIR } : {});
      try {
        loadBefore = os.loadavg()[0]!;
        lighthouse = await lighthouseRows(
          server.url,
          args.country.toUpperCase(),
          LIGHTHOUSE_RUNS,
          LIGHTHOUSE_VIEW_LIST,
          PRESET_LIST,
        );
        loadAfter = os.loadavg()[0]!;
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
  }
  if (rows.length) printTable(rows);
  if (scale.length) printScaleTable(scale, SCALE_RUNS);
  if (lighthouse.length) {
    // The scores rest on timings of the page's own work: on a shared machine, say how busy it was.
    console.log(
      `\nLighthouse 12.2.3, seed (${args.country.toUpperCase()}), signed in; median of ${LIGHTHOUSE_RUNS} runs per view and preset; ` +
        `Chromium ${browser.version()}, ${os.cpus().length} cores, load average ${loadBefore.toFixed(1)} before and ${loadAfter.toFixed(1)} after:`,
    );
    printLighthouseTable(lighthouse);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
