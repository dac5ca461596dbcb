// Where the map's time goes at scale (issue 18 point 1): `npx tsx tests/perf/scale-profile.ts [--client dist/client]
// [--steps map,sector,filter,bottlenecks,whatif] [--runs 1] [--profile] [--countries 3] [--stakeholders 1000]`.
// Serves the given built client (build one with `npx vite build --outDir <dir> --minify false` to read function
// names) on a synthetic region, runs the steps in a fresh context per run, and prints per step its time, its long
// tasks (PerformanceObserver 'longtask': count, >= 500 ms, longest) and, with --profile, the CPU profile's busy
// stretches of 150 ms or more with the functions that took their time (self and total). Not a test.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { createApp } from '../../server/app';
import { createStore } from '../../server/store';
import { seedStore } from '../../seed/loader';
import { createTestAccount, loginCookie, withCookie } from '../support/auth';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, VIEWPORT } from '../support/chromium';
import { laidOut, OBSERVE, whatIfShown } from './client-scale';
import { syntheticRegion } from './synthetic';

const { values: args } = parseArgs({
  options: {
    client: { type: 'string', default: path.join(ROOT, 'dist/client') },
    steps: { type: 'string', default: 'map,sector,filter,bottlenecks,whatif' },
    runs: { type: 'string', default: '1' },
    profile: { type: 'boolean', default: false },
    countries: { type: 'string', default: '3' },
    stakeholders: { type: 'string', default: '1000' },
    top: { type: 'string', default: '14' },
    /** Also write each step's CPU profile here as <step>-<run>.cpuprofile (DevTools opens them). */
    save: { type: 'string' },
  },
});
const STEPS = new Set(args.steps.split(','));
const TOP = Number(args.top);
const TIMEOUT = 10 * 60_000;
let runNo = 0;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const frameName = (n: ProfileNode) => {
  const f = n.callFrame;
  const file = f.url ? (f.url.split('/').pop() ?? '').replace(/\?.*$/, '') : '';
  return `${f.functionName || '(anonymous)'}${file ? ` ${file}:${f.lineNumber + 1}` : ''}`;
};

/** Busy stretches (consecutive samples that are not idle) of at least `min` ms, with their top functions. */
function busyStretches(profile: Profile, min: number): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) times.push((t += d));
  const idle = (id: number) => byId.get(id)!.callFrame.functionName === '(idle)';
  const out: string[] = [];
  let i = 0;
  while (i < profile.samples.length) {
    if (idle(profile.samples[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < profile.samples.length && !idle(profile.samples[j + 1]!)) j++;
    const ms = (times[j]! - times[i]!) / 1000;
    if (ms >= min) {
      const self = new Map<string, number>();
      const total = new Map<string, number>();
      for (let k = i; k <= j; k++) {
        const dt = ((times[k + 1] ?? times[k]!) - times[k]!) / 1000;
        const leaf = byId.get(profile.samples[k]!)!;
        self.set(frameName(leaf), (self.get(frameName(leaf)) ?? 0) + dt);
        const seen = new Set<string>();
        for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
          const name = frameName(byId.get(id)!);
          if (seen.has(name)) continue;
          seen.add(name);
          total.set(name, (total.get(name) ?? 0) + dt);
        }
      }
      const top = (m: Map<string, number>) =>
        [...m.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, TOP)
          .map(([name, v]) => `      ${v.toFixed(0).padStart(6)} ms  ${name}`)
          .join('\n');
      out.push(
        `  busy ${ms.toFixed(0)} ms at +${((times[i]! - profile.startTime) / 1000).toFixed(0)} ms\n    self:\n${top(self)}\n    total:\n${top(total)}`,
      );
    }
    i = j + 1;
  }
  return out;
}

async function tasksSince(
  page: Page,
  from: number,
): Promise<{ count: number; over500: number; longest: number; sum: number }> {
  return await page.evaluate(
    (since) =>
      new Promise((resolve) => {
        requestAnimationFrame(() =>
          setTimeout(() => {
            const all = (window as unknown as { __longTasks: Array<[number, number]> }).__longTasks.filter(
              ([s]) => s >= since,
            );
            resolve({
              count: all.length,
              over500: all.filter(([, d]) => d >= 500).length,
              longest: Math.round(all.reduce((m, [, d]) => Math.max(m, d), 0)),
              sum: Math.round(all.reduce((m, [, d]) => m + d, 0)),
            });
          }, 300),
        );
      }),
    from,
  );
}

async function step(
  name: string,
  page: Page,
  cdp: CDPSession | null,
  run: (t0: number) => Promise<number>,
): Promise<void> {
  if (!STEPS.has(name)) return;
  if (cdp) await cdp.send('Profiler.start');
  const t0 = name === 'map' || name === 'bottlenecks' ? 0 : await page.evaluate(() => performance.now());
  const end = await run(t0);
  const tasks = await tasksSince(page, t0);
  console.log(`${name}: ${Math.round(end - t0)} ms; long tasks ${JSON.stringify(tasks)}`);
  if (cdp) {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    if (args.save) fs.writeFileSync(path.join(args.save, `${name}-${runNo}.cpuprofile`), JSON.stringify(profile));
    for (const s of busyStretches(profile, 150)) console.log(s);
  }
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-profile-'));
  const store = await createStore({ dataDir });
  await seedStore(store, { maps: false });
  const doc = syntheticRegion({
    countries: Number(args.countries),
    stakeholdersPerCountry: Number(args.stakeholders),
    seed: 1,
  });
  await store.importDocument(doc, { mode: 'merge', actor: 'profile' });
  const raw = createApp({ store, clientDir: path.resolve(args.client) });
  const app = withCookie(raw, await loginCookie(raw, await createTestAccount(store, { role: 'admin' })));
  const server = await new Promise<http.Server>((resolve) => {
    const s = http.createServer(app);
    s.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const country = doc.countries.map((c) => c.code).find((c) => c !== 'INT')!;
  for (const p of [`/api/graph?country=${country}`, `/api/analysis/bottlenecks?country=${country}`])
    await (await fetch(`${url}${p}`)).arrayBuffer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    for (let r = 0; r < Number(args.runs); r++) {
      runNo = r + 1;
      console.log(`--- run ${r + 1}, load average ${os.loadavg()[0]!.toFixed(1)}`);
      const context = await browser.newContext({ viewport: VIEWPORT });
      await context.addInitScript(OBSERVE);
      const page = await context.newPage();
      page.setDefaultTimeout(TIMEOUT);
      page.on('pageerror', (e) => console.log(`pageerror: ${e.message}`));
      const cdp = args.profile ? await context.newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      }
      if (STEPS.has('map') || STEPS.has('sector') || STEPS.has('filter')) {
        await step('map', page, cdp, async () => {
          await page.goto(`${url}/?view=map&country=${country}`, { waitUntil: 'commit' });
          return await laidOut(page, { view: 'map', country });
        });
        if (!STEPS.has('map')) await laidOut(page, { view: 'map', country });
        await step('filter', page, cdp, async () => {
          // A status filter: the map draws only the planned flows.
          const box = page.getByRole('checkbox', { name: /^Active/ }).first();
          await box.click();
          await page.waitForTimeout(200);
          await page.waitForFunction(() => window.__flowAtlas?.layoutDone, null, { timeout: TIMEOUT });
          return await page.evaluate(() => performance.now());
        });
        await step('sector', page, cdp, async () => {
          await page.getByLabel('Layout').selectOption('sector');
          return await laidOut(page, { view: 'map', country, layout: 'sector' });
        });
      }
      if (STEPS.has('bottlenecks') || STEPS.has('whatif')) {
        await step('bottlenecks', page, cdp, async () => {
          await page.goto(`${url}/?view=bottlenecks&country=${country}`, { waitUntil: 'commit' });
          return await laidOut(page, { view: 'bottlenecks', country });
        });
        if (!STEPS.has('bottlenecks')) {
          await page.goto(`${url}/?view=bottlenecks&country=${country}`, { waitUntil: 'commit' });
          await laidOut(page, { view: 'bottlenecks', country });
        }
        await step('whatif', page, cdp, async () => {
          const box = page.getByRole('checkbox', { name: /^Remove / }).first();
          await box.check();
          return await whatIfShown(page);
        });
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections?.();
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
