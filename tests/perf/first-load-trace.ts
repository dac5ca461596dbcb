// The main thread's tasks on a view's first load, from a Chromium trace (not a timed test; for comparing builds
// on a shared machine). Usage:
//   npx tsx tests/perf/first-load-trace.ts [--view map] [--country SE] [--runs 3] [--cpu 1] [--mobile] [--scale 4]
//     [--save DIR] DIR...
// Each DIR is a built client (npx vite build --outDir DIR); the runs alternate between them (A, B, A, B, ...),
// each in a fresh browser context, traced from navigation until the graph's test hook says laid out (views
// without a graph: until the network is idle) and 500 ms more. Per run it prints the renderer's main-thread
// tasks: their count over 50 ms, the longest, the blocking sum (each task's time over 50 ms, as Lighthouse's
// total blocking time) and the whole, each in wall time and in the thread's own CPU time (the trace's `tdur`:
// what the task cost, less disturbed by other processes than wall time); with --cpu N, Chromium's CPU
// throttling at N (4 for Lighthouse's mobile preset); --mobile, the mobile preset's screen; and the blocking time
// Lighthouse's simulation would count from the tasks' CPU times (--scale, 4 as its mobile preset; 1 as its desktop
// one). --save DIR writes each trace (JSON) for DevTools.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, VIEWPORT } from '../support/chromium';
import { startTestServer, type TestServer } from '../support/server';

const { values: args, positionals: dirs } = parseArgs({
  allowPositionals: true,
  options: {
    view: { type: 'string', default: 'map' },
    country: { type: 'string', default: 'SE' },
    runs: { type: 'string', default: '3' },
    cpu: { type: 'string', default: '1' },
    save: { type: 'string' },
    mobile: { type: 'boolean', default: false },
    scale: { type: 'string', default: '4' },
  },
});
if (dirs.length === 0) throw new Error('name at least one built client folder');

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string; functionName?: string } };
}

export interface TaskFigures {
  over50: number;
  longest: number;
  longestCpu: number;
  blocking: number;
  blockingCpu: number;
  /**
   * Lighthouse's way from this trace's CPU times: each task after the first contentful paint counted `scale` times as
   * long (its simulation's CPU slowdown, 4 for the mobile preset), its time over 50 ms summed. CPU time, so other
   * processes on a shared machine disturb it less than the wall times Lighthouse itself scales.
   */
  simulatedBlocking: number;
  total: number;
  totalCpu: number;
  /** The longest tasks: wall and CPU ms, and the script most of it ran (its outermost call's URL and function). */
  top: Array<{ ms: number; cpu: number; what: string }>;
}

/** The main thread of the page's renderer: the CrRendererMain thread that ran the most of the page's own scripts. */
export function mainThreadTasks(events: readonly TraceEvent[], origin: string, scale = 4): TaskFigures {
  const names = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (names.get(key) !== 'CrRendererMain') continue;
    (byThread.get(key) ?? byThread.set(key, []).get(key)!).push(e);
  }
  const own = (list: TraceEvent[]) => list.filter((e) => e.args?.data?.url?.startsWith(origin)).length;
  const thread = [...byThread.values()].sort((a, b) => own(b) - own(a))[0];
  if (!thread) throw new Error('no renderer main thread in the trace');
  const tasks = thread.filter((e) => e.name === 'RunTask' && e.ph === 'X');
  const calls = thread.filter((e) => (e.name === 'FunctionCall' || e.name === 'EvaluateScript') && e.ph === 'X');
  const ms = (us: number | undefined) => (us ?? 0) / 1000;
  const fcp = events.find((e) => e.name === 'firstContentfulPaint')?.ts ?? 0;
  const described = tasks.map((t) => {
    const inside = calls.filter((c) => c.ts >= t.ts && c.ts < t.ts + (t.dur ?? 0));
    const biggest = inside.sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
    const data = biggest?.args?.data;
    const what = data ? `${path.basename(data.url ?? '') || '?'} ${data.functionName ?? biggest.name}` : '(no script)';
    return { ms: ms(t.dur), cpu: ms(t.tdur ?? t.dur), what, afterPaint: t.ts >= fcp };
  });
  const round = (x: number) => Math.round(x);
  return {
    over50: described.filter((t) => t.ms > 50).length,
    longest: round(Math.max(0, ...described.map((t) => t.ms))),
    longestCpu: round(Math.max(0, ...described.map((t) => t.cpu))),
    blocking: round(described.reduce((s, t) => s + Math.max(0, t.ms - 50), 0)),
    blockingCpu: round(described.reduce((s, t) => s + Math.max(0, t.cpu - 50), 0)),
    simulatedBlocking: round(
      described.filter((t) => t.afterPaint).reduce((s, t) => s + Math.max(0, scale * t.cpu - 50), 0),
    ),
    total: round(described.reduce((s, t) => s + t.ms, 0)),
    totalCpu: round(described.reduce((s, t) => s + t.cpu, 0)),
    top: described
      .filter((t) => t.ms > 50 || t.cpu > 50)
      .sort((a, b) => b.cpu - a.cpu)
      .slice(0, 6)
      .map((t) => ({ ms: round(t.ms), cpu: round(t.cpu), what: t.what })),
  };
}

// Lighthouse's own (its trace gatherer's, 12.2): it tracks style and layout invalidations and takes screenshots, which
// make each DOM change dearer than in an untraced page, and its simulation scales those times.
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'disabled-by-default-devtools.timeline.invalidationTracking',
  'disabled-by-default-devtools.screenshot',
  'disabled-by-default-v8.compile',
  'disabled-by-default-v8.gc',
  'v8',
  'v8.execute',
  'blink',
  'blink.user_timing',
  'cc',
  'rail',
  'benchmark',
  'loading',
  '__metadata',
];

async function main(): Promise<void> {
  const runs = Number(args.runs);
  const servers = new Map<string, TestServer>();
  for (const dir of dirs) servers.set(dir, await startTestServer({ clientDir: path.resolve(dir) }));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const results = new Map<string, TaskFigures[]>(dirs.map((d) => [d, []]));
  try {
    for (let run = 1; run <= runs; run++) {
      for (const dir of dirs) {
        const server = servers.get(dir)!;
        const url = `${server.url}/?view=${args.view}&country=${args.country}`;
        // Warm the server, not the browser.
        for (let i = 0; i < 2; i++) await (await fetch(url)).arrayBuffer();
        // --mobile: Lighthouse's mobile preset's screen (a Moto G Power: 412 x 823 CSS pixels at 1.75 device pixels each).
        const context = await browser.newContext(
          args.mobile
            ? { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true }
            : { viewport: VIEWPORT },
        );
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        if (args.cpu !== '1') await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(args.cpu) });
        await browser.startTracing(page, { categories: CATEGORIES });
        await page.goto(url);
        if (args.view === 'map' || args.view === 'bottlenecks') {
          await page.waitForFunction(
            (view) => window.__flowAtlas?.view === view && window.__flowAtlas.layoutDone,
            args.view,
            {
              timeout: 120_000,
            },
          );
        } else {
          await page.waitForLoadState('networkidle');
        }
        await page.waitForTimeout(500);
        const trace = await browser.stopTracing();
        await context.close();
        const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
        if (args.save) {
          fs.mkdirSync(args.save, { recursive: true });
          fs.writeFileSync(path.join(args.save, `${path.basename(dir)}-${run}.json`), trace);
        }
        const f = mainThreadTasks(events, server.url, Number(args.scale));
        results.get(dir)!.push(f);
        console.log(
          `${path.basename(dir)} run ${run} (load ${os.loadavg()[0]!.toFixed(1)}): tasks > 50 ms ${f.over50}, longest ${f.longest} ms (CPU ${f.longestCpu}), ` +
            `blocking ${f.blocking} ms (CPU ${f.blockingCpu}; from CPU at ${args.scale}x after the first paint ${f.simulatedBlocking}), all tasks ${f.total} ms (CPU ${f.totalCpu})`,
        );
        for (const t of f.top) console.log(`    ${t.ms} ms (CPU ${t.cpu}) ${t.what}`);
      }
    }
  } finally {
    await browser.close();
    for (const s of servers.values()) await s.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`\nmedians of ${runs} runs, ${args.view} ${args.country}, CPU throttling ${args.cpu}x:`);
  for (const [dir, list] of results) {
    const m = (k: keyof Omit<TaskFigures, 'top'>) => median(list.map((f) => f[k]));
    console.log(
      `  ${dir}: tasks > 50 ms ${m('over50')}, longest ${m('longest')} ms (CPU ${m('longestCpu')}), blocking ${m('blocking')} ms (CPU ${m('blockingCpu')}; from CPU at ${args.scale}x after the first paint ${m('simulatedBlocking')}), all ${m('total')} ms (CPU ${m('totalCpu')})`,
    );
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
