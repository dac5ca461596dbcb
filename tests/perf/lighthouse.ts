// Lighthouse (12.2.3, from the devDependencies) on the explorer's first load, for `npm run bench:client -- --only lighthouse`:
// each view opened from nothing (Lighthouse clears the origin's cache and storage before each run) by
// Debian's Chromium with the browser tests' flags, under Lighthouse's desktop preset and its default mobile
// preset (a simulated slow 4G link and a 4x slower CPU). The test server signs in every request that carries
// no cookie (as the administrator), so each page is the signed-in explorer. Scores are medians of `runs`.
// LIGHTHOUSE_SAVE_DIR=<folder> also writes each run's full report (JSON) and the trace it recorded (.trace.json) there,
// to see where the time went.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Result as LighthouseResult, RunnerResult } from 'lighthouse';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium';

export const LIGHTHOUSE_VIEWS = ['map', 'gaps', 'ncp', 'compare'] as const;
export const PRESETS = ['desktop', 'mobile'] as const;
export type Preset = (typeof PRESETS)[number];

export interface LighthouseSample {
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** Milliseconds, as Lighthouse reports them (simulated for the presets' throttling). */
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  /** Audits of the best-practices and accessibility categories that did not pass, by id. */
  failing: string[];
  /** What moved (the layout shifts' elements, largest first) and the largest contentful paint's element. */
  shifted: string[];
  lcpElement: string;
}

interface NodeDetail {
  type: 'node';
  snippet?: string;
  selector?: string;
}
type Items = Array<Record<string, unknown>>;

/** A short name for an element Lighthouse reports: its selector, else the start of its HTML. */
const nodeName = (node: unknown) => {
  const n = node as NodeDetail | undefined;
  return (n?.selector || n?.snippet || '?').slice(0, 80);
};

export interface LighthouseRow {
  view: string;
  preset: Preset;
  samples: LighthouseSample[];
}

/** Starts Chromium with a DevTools port of its own choosing (Lighthouse drives it over that port). */
async function launchDebuggable(): Promise<{ port: number; close(): Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-lighthouse-'));
  const proc = spawn(
    CHROMIUM,
    [...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`Chromium printed no DevTools address in 30 s: ${seen.slice(-500)}`)),
      30_000,
    );
    proc.stderr.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}) before it listened: ${seen.slice(-500)}`));
    });
  });
  return {
    port,
    async close() {
      if (proc.exitCode === null) {
        const exited = new Promise((resolve) => proc.once('exit', resolve));
        proc.kill('SIGTERM');
        await exited;
      }
      // Chromium's helper processes may still write to the profile a moment after it exits: retry.
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};

/** Runs Lighthouse `runs` times per view and preset against `baseUrl` (a started test server). */
export async function lighthouseRows(
  baseUrl: string,
  country: string,
  runs: number,
  views: readonly string[] = LIGHTHOUSE_VIEWS,
  presets: readonly Preset[] = PRESETS,
): Promise<LighthouseRow[]> {
  // Lighthouse is an ES module.
  const { default: lighthouse, desktopConfig } = await import('lighthouse');
  const chrome = await launchDebuggable();
  const rows: LighthouseRow[] = [];
  try {
    for (const view of views) {
      const url = `${baseUrl}/?view=${view}&country=${country}`;
      // Warm the server: the browser starts cold each run, the server should not (its first answers compile code paths).
      for (let i = 0; i < 2; i++) await (await fetch(url)).arrayBuffer();
      for (const preset of presets) {
        const samples: LighthouseSample[] = [];
        for (let i = 0; i < runs; i++) {
          // A trace Lighthouse could not read (NO_NAVSTART and the like, seen on a busy machine) is a failed run: try again.
          let lhr: LighthouseResult;
          let trace: unknown;
          for (let attempt = 1; ; attempt++) {
            const result: RunnerResult | undefined = await lighthouse(
              url,
              {
                port: chrome.port,
                output: 'json',
                logLevel: 'error',
                onlyCategories: ['performance', 'accessibility', 'best-practices'],
              },
              preset === 'desktop' ? desktopConfig : undefined,
            );
            if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
            const error = result.lhr.runtimeError;
            if (!error) {
              lhr = result.lhr;
              trace = (result.artifacts as { Trace?: unknown } | undefined)?.Trace;
              break;
            }
            const why = `Lighthouse on ${url} (${preset}): ${error.code} ${error.message}`;
            if (attempt === 3) throw new Error(why);
            console.error(`  ${why}; again`);
          }
          if (process.env.LIGHTHOUSE_SAVE_DIR) {
            fs.writeFileSync(
              path.join(process.env.LIGHTHOUSE_SAVE_DIR, `${view}-${preset}-${i + 1}.json`),
              JSON.stringify(lhr),
            );
            // The trace Lighthouse recorded (unthrottled; its simulation scales it): the long tasks it saw, for DevTools.
            if (trace)
              fs.writeFileSync(
                path.join(process.env.LIGHTHOUSE_SAVE_DIR, `${view}-${preset}-${i + 1}.trace.json`),
                JSON.stringify(trace),
              );
          }
          const { categories, audits } = lhr;
          const score = (id: string) => Math.round((categories[id]?.score ?? NaN) * 100);
          const value = (id: string) => audits[id]?.numericValue ?? NaN;
          const failing = ['accessibility', 'best-practices']
            .flatMap((c) => categories[c]?.auditRefs ?? [])
            .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && (audits[ref.id]?.score ?? 1) < 1)
            .map((ref) => ref.id);
          const s: LighthouseSample = {
            performance: score('performance'),
            accessibility: score('accessibility'),
            bestPractices: score('best-practices'),
            fcp: value('first-contentful-paint'),
            lcp: value('largest-contentful-paint'),
            tbt: value('total-blocking-time'),
            cls: value('cumulative-layout-shift'),
            failing,
            shifted: ((audits['layout-shifts']?.details as { items?: Items } | undefined)?.items ?? []).map(
              (item) => `${nodeName(item.node)} (${Number(item.score).toFixed(3)})`,
            ),
            lcpElement: nodeName(
              (audits['largest-contentful-paint-element']?.details as { items?: Array<{ items?: Items }> } | undefined)
                ?.items?.[0]?.items?.[0]?.node,
            ),
          };
          console.error(
            `  lighthouse ${view}, ${preset}, run ${i + 1}/${runs}: performance ${s.performance}, accessibility ${s.accessibility}, ` +
              `best practices ${s.bestPractices}; FCP ${s.fcp.toFixed(0)} ms, LCP ${s.lcp.toFixed(0)} ms, TBT ${s.tbt.toFixed(0)} ms, ` +
              // Lighthouse 12.2 cannot read Chromium 156's layout-shift root causes: then no elements are named.
              `CLS ${s.cls.toFixed(3)}${failing.length ? `; failing: ${failing.join(', ')}` : ''}${s.lcpElement !== '?' ? `; LCP element ${s.lcpElement}` : ''}` +
              `${s.shifted.length ? `; moved: ${s.shifted.slice(0, 4).join(', ')}` : ''}`,
          );
          samples.push(s);
        }
        rows.push({ view, preset, samples });
      }
    }
  } finally {
    await chrome.close();
  }
  return rows;
}

export function printLighthouseTable(rows: readonly LighthouseRow[]): void {
  console.log('\n| view | preset | performance | accessibility | best practices | FCP | LCP | TBT | CLS |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const m = (f: (s: LighthouseSample) => number) => median(r.samples.map(f));
    const s = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(0)} ms`);
    console.log(
      `| ${r.view} | ${r.preset} | ${m((x) => x.performance)} | ${m((x) => x.accessibility)} | ${m((x) => x.bestPractices)} | ` +
        `${s(m((x) => x.fcp))} | ${s(m((x) => x.lcp))} | ${s(m((x) => x.tbt))} | ${m((x) => x.cls).toFixed(3)} |`,
    );
  }
  const failing = new Set(rows.flatMap((r) => r.samples.flatMap((x) => x.failing)));
  if (failing.size) console.log(`\nFailing accessibility / best-practices audits: ${[...failing].join(', ')}`);
}
