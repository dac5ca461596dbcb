// The client benchmark's "scale" part (`npm run bench:client -- --only scale [--sizes seed,3x1000,13x1000]`):
// what the browser does with large answers, at the seed and at synthetic regions of N countries x M
// stakeholders (tests/perf/synthetic.ts, seed 1, imported into a fresh embedded store). Per run, in a
// fresh browser context, with a PerformanceObserver('longtask') started before the page's scripts:
//   map of one country: navigation -> laid out, and the longest main-thread task until then;
//   the "by sector" layout: time to laid out, longest task; Compare: the server's answer (its
//   resource timing's responseEnd) -> every table row drawn, and the longest task from navigation until
//   every sketch is drawn (cards scrolled into view one by one); Bottlenecks: navigation -> laid out;
//   what-if: ticking the top "Remove …" box -> the what-if list shown, and the longest task meanwhile.
// Each map run also prints where its time went: the graph's request and answer, and the steps of a large map's
// load (largeMapLoad.ts's marks). --client-dir serves another build. Not a timed test: it prints medians and the
// load average (the machine may be shared).
import os from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { VIEWPORT } from '../support/chromium';
import { startTestServer, type TestServer } from '../support/server';
import { syntheticRegion } from './synthetic';

export interface ScaleSize {
  label: string;
  countries: number;
  stakeholders: number;
}

/** "seed" or "<countries>x<stakeholders>" (e.g. 3x1000). */
export function parseScaleSize(text: string): ScaleSize {
  if (text === 'seed') return { label: 'seed', countries: 0, stakeholders: 0 };
  const m = /^(\d+)x(\d+)$/.exec(text);
  if (!m) throw new Error(`--sizes: '${text}' is neither "seed" nor <countries>x<stakeholders> (e.g. 3x1000)`);
  const countries = Number(m[1]);
  const stakeholders = Number(m[2]);
  return { label: `${countries} x ${stakeholders.toLocaleString('en')}`, countries, stakeholders };
}

interface ScaleSample {
  mapMs: number;
  mapTask: number;
  sectorMs: number;
  sectorTask: number;
  compareAnswerToTable: number;
  compareTask: number;
  compareSketchesMs: number;
  bottlenecksMs: number;
  whatIfMs: number;
  whatIfTask: number;
}

const STEP_TIMEOUT = 10 * 60_000;

// Started before the page's scripts: every long task of the page, as [start, duration] in its clock.
export const OBSERVE = `window.__longTasks = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
} catch (e) { window.__longTasks = null; }`;

const now = (page: Page) => page.evaluate(() => performance.now());

/** The longest task that started at or after `from` (page clock), after letting pending entries arrive. */
async function longestSince(page: Page, from: number): Promise<number> {
  return page.evaluate<number, number>(
    (since) =>
      new Promise<number>((resolve) => {
        requestAnimationFrame(() =>
          setTimeout(() => {
            const tasks = (window as unknown as { __longTasks: Array<[number, number]> | null }).__longTasks;
            if (!tasks) return resolve(NaN);
            resolve(tasks.filter(([start]) => start >= since).reduce((m, [, d]) => Math.max(m, d), 0));
          }, 300),
        );
      }),
    from,
  );
}

/** Waits for the graph hook to show `view`/`country`/`layout` laid out; answers the page time then. */
export async function laidOut(page: Page, want: { view: string; country: string; layout?: string }): Promise<number> {
  const done = await page.waitForFunction(
    (w) => {
      const h = window.__flowAtlas;
      return h && h.view === w.view && h.country === w.country && (!w.layout || h.layout === w.layout) && h.layoutDone
        ? performance.now()
        : false;
    },
    want,
    { polling: 'raf', timeout: STEP_TIMEOUT },
  );
  return (await done.jsonValue()) as number;
}

async function freshPage(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(OBSERVE);
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  return { page, close: () => context.close() };
}

/**
 * Where a large map's first draw went (page clock, ms from navigation): the graph's request and answer (resource
 * timing), and the steps largeMapLoad.ts marks (flowAtlas:<step>). Empty steps are left out (a small map).
 */
export async function mapSteps(page: Page): Promise<Record<string, number>> {
  return await page.evaluate(() => {
    const steps: Record<string, number> = {};
    const graph = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname === '/api/graph') as
      PerformanceResourceTiming | undefined;
    if (graph) {
      steps.request = graph.requestStart;
      steps.answer = graph.responseEnd;
    }
    for (const m of performance.getEntriesByType('mark'))
      if (m.name.startsWith('flowAtlas:')) steps[m.name.slice('flowAtlas:'.length)] ??= m.startTime;
    return steps;
  });
}

const stepsText = (steps: Record<string, number>) =>
  Object.entries(steps)
    .sort((a, b) => a[1] - b[1])
    .map(([k, v]) => `${k} ${Math.round(v)}`)
    .join(', ');

async function mapRun(browser: Browser, url: string, country: string): Promise<Partial<ScaleSample>> {
  const { page, close } = await freshPage(browser);
  try {
    await page.goto(`${url}/?view=map&country=${country}`, { waitUntil: 'commit' });
    const mapMs = await laidOut(page, { view: 'map', country });
    const mapTask = await longestSince(page, 0);
    console.error(
      `  map steps (ms from navigation): ${stepsText(await mapSteps(page))}, laid out ${Math.round(mapMs)}`,
    );
    const t0 = await now(page);
    await page.getByLabel('Layout').selectOption('sector');
    const done = await laidOut(page, { view: 'map', country, layout: 'sector' });
    return { mapMs, mapTask, sectorMs: done - t0, sectorTask: await longestSince(page, t0) };
  } finally {
    await close();
  }
}

async function compareRun(browser: Browser, url: string, rows: number): Promise<Partial<ScaleSample>> {
  const { page, close } = await freshPage(browser);
  try {
    await page.goto(`${url}/?view=compare`, { waitUntil: 'commit' });
    const drawn = await page.waitForFunction(
      (n) => (document.querySelectorAll('table.compare-table tbody tr').length === n ? performance.now() : false),
      rows,
      { polling: 'raf', timeout: STEP_TIMEOUT },
    );
    const tableAt = (await drawn.jsonValue()) as number;
    const answerAt = await page.evaluate(() => {
      const entry = performance
        .getEntriesByType('resource')
        .find((e) => new URL(e.name).pathname === '/api/analysis/compare') as PerformanceResourceTiming | undefined;
      return entry ? entry.responseEnd : NaN;
    });
    // Sketches are drawn as their cards come into view: bring each one in turn.
    const cards = page.locator('figure.sketch-card');
    const n = await cards.count();
    for (let i = 0; i < n; i++) {
      await cards.nth(i).scrollIntoViewIfNeeded();
      await cards.nth(i).locator('svg.sketch').waitFor();
    }
    const sketchesAt = await now(page);
    return {
      compareAnswerToTable: tableAt - answerAt,
      compareSketchesMs: sketchesAt,
      compareTask: await longestSince(page, 0),
    };
  } finally {
    await close();
  }
}

async function bottlenecksRun(browser: Browser, url: string, country: string): Promise<Partial<ScaleSample>> {
  const { page, close } = await freshPage(browser);
  try {
    await page.goto(`${url}/?view=bottlenecks&country=${country}`, { waitUntil: 'commit' });
    const bottlenecksMs = await laidOut(page, { view: 'bottlenecks', country });
    const box = page.getByRole('checkbox', { name: /^Remove / }).first();
    await box.waitFor();
    const t0 = await now(page);
    await box.check();
    const shown = await whatIfShown(page);
    return { bottlenecksMs, whatIfMs: shown - t0, whatIfTask: await longestSince(page, t0) };
  } finally {
    await close();
  }
}

/** Waits for the what-if answer (whether or not an indicator changes) and a stakeholder drawn as removed; the page time then. */
export async function whatIfShown(page: Page): Promise<number> {
  const answered = await page.waitForFunction(
    () =>
      document.querySelector('section.what-if .what-if-body') && window.__flowAtlas?.removed().nodes.length
        ? performance.now()
        : false,
    undefined,
    { polling: 50, timeout: STEP_TIMEOUT },
  );
  return (await answered.jsonValue()) as number;
}

async function serverFor(
  size: ScaleSize,
  clientDir: string | undefined,
): Promise<{ server: TestServer; country: string; countries: number }> {
  const client = clientDir ? { clientDir } : {};
  if (size.countries === 0) {
    const server = await startTestServer(client);
    const res = await fetch(`${server.url}/api/countries`);
    const { countries } = (await res.json()) as { countries: Array<{ code: string }> };
    return { server, country: 'SE', countries: countries.filter((c) => c.code !== 'INT').length };
  }
  const doc = syntheticRegion({ countries: size.countries, stakeholdersPerCountry: size.stakeholders, seed: 1 });
  const server = await startTestServer({ seedMaps: false, ...client });
  const started = Date.now();
  await server.store.importDocument(doc, { mode: 'merge', actor: 'bench' });
  console.error(
    `  imported ${doc.stakeholders.length} stakeholders, ${doc.flows.length} flows in ${Date.now() - started} ms`,
  );
  const country = doc.countries.map((c) => c.code).find((c) => c !== 'INT')!;
  return { server, country, countries: size.countries };
}

/** The views a run measures (--views): the map (and its "by sector" layout), Compare, Bottlenecks (and a what-if). */
export const SCALE_VIEWS = ['map', 'compare', 'bottlenecks'] as const;

const EMPTY: ScaleSample = {
  mapMs: NaN,
  mapTask: NaN,
  sectorMs: NaN,
  sectorTask: NaN,
  compareAnswerToTable: NaN,
  compareTask: NaN,
  compareSketchesMs: NaN,
  bottlenecksMs: NaN,
  whatIfMs: NaN,
  whatIfTask: NaN,
};

export interface ScaleRow {
  size: ScaleSize;
  samples: ScaleSample[];
  loadBefore: number;
  loadAfter: number;
}

/**
 * Runs every measure `runs` times at one size. `seedCountry` is the seed's country whose map is measured;
 * `clientDir` another build of the client to serve (--client-dir), else dist/client.
 */
export async function measureScale(
  browser: Browser,
  size: ScaleSize,
  runs: number,
  seedCountry: string,
  views: ReadonlySet<string> = new Set(SCALE_VIEWS),
  clientDir?: string,
): Promise<ScaleRow> {
  const { server, country: first, countries } = await serverFor(size, clientDir);
  const country = size.countries === 0 ? seedCountry : first;
  const loadBefore = os.loadavg()[0]!;
  const samples: ScaleSample[] = [];
  try {
    // Warm the server: the browser starts cold each run, the server's caches do not.
    for (const p of [
      `/api/graph?country=${country}`,
      '/api/analysis/compare',
      `/api/analysis/bottlenecks?country=${country}`,
    ])
      await (await fetch(`${server.url}${p}`)).arrayBuffer();
    console.error(`  server warmed; load average ${os.loadavg()[0]!.toFixed(1)}`);
    for (let i = 0; i < runs; i++) {
      const map = views.has('map') ? await mapRun(browser, server.url, country) : {};
      const compare = views.has('compare') ? await compareRun(browser, server.url, countries) : {};
      const bottlenecks = views.has('bottlenecks') ? await bottlenecksRun(browser, server.url, country) : {};
      const s = { ...EMPTY, ...map, ...compare, ...bottlenecks };
      console.error(
        `  ${size.label}, run ${i + 1}/${runs}: ${JSON.stringify(s, (_, v: unknown) => (typeof v === 'number' ? Math.round(v) : v))}`,
      );
      samples.push(s);
    }
  } finally {
    await server.close();
  }
  return { size, samples, loadBefore, loadAfter: os.loadavg()[0]! };
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};
const fmt = (x: number) =>
  !Number.isFinite(x) ? '-' : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(0)} ms`;

export function printScaleTable(rows: readonly ScaleRow[], runs: number): void {
  const cols: Array<[string, keyof ScaleSample]> = [
    ['map: first draw', 'mapMs'],
    ['map: longest task', 'mapTask'],
    ['by sector: laid out', 'sectorMs'],
    ['by sector: longest task', 'sectorTask'],
    ['compare: answer → table', 'compareAnswerToTable'],
    ['compare: all sketches drawn', 'compareSketchesMs'],
    ['compare: longest task', 'compareTask'],
    ['bottlenecks: load', 'bottlenecksMs'],
    ['what-if: change', 'whatIfMs'],
    ['what-if: longest task', 'whatIfTask'],
  ];
  console.log(
    `\nAt scale: median of ${runs} runs; each a fresh browser context; longest task from PerformanceObserver('longtask'); ` +
      `${os.cpus().length} cores.`,
  );
  console.log(`\n| size | ${cols.map(([c]) => c).join(' | ')} | load average before/after |`);
  console.log(`|---|${cols.map(() => '---:').join('|')}|---:|`);
  for (const r of rows) {
    const cells = cols.map(([, k]) => fmt(median(r.samples.map((s) => s[k]))));
    console.log(`| ${r.size.label} | ${cells.join(' | ')} | ${r.loadBefore.toFixed(1)} / ${r.loadAfter.toFixed(1)} |`);
  }
}
