// Where a cached answer's time goes under load (issue 11 point 6), measured in a way other processes on the
// machine disturb little: the app (embedded store, seed region, a signed-in editor) runs in this process and the
// load generator (autocannon's CLI, 50 connections, a fixed number of requests) in another, so this process's
// CPU time (user + system) divided by the requests served is the app's CPU per request. Also prints the
// event-loop delay (p50/p99/max) and the garbage collections (count, total pause) during each run, and the
// load generator's latency (wall clock: disturbed by the machine's load; compare runs in interleaved pairs).
//   npx tsx tests/perf/load-profile.ts [--requests 20000] [--runs 3] [--endpoint /api/countries]
// --cpu-prof DIR: a CPU profile of the app's thread during each endpoint's runs (inspector), one file per endpoint.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { CoreGraphStore } from '../../server/store/core';
import { SqliteAdapter } from '../../server/store/sqlite/adapter';
import { LOAD_ENDPOINTS } from './load-bench';
import { seedStore } from '../../seed/loader';
import { createApp } from '../../server/app';
import { createTestAccount, loginCookie } from '../support/auth';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

const run = promisify(execFile);
const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const REQUESTS = Number(option('requests', '20000'));
const RUNS = Number(option('runs', '3'));
const ONLY = option('endpoint', '');
const PROFILE_DIR = option('cpu-prof', '');
const AUTOCANNON = path.join(__dirname, '../../node_modules/.bin/autocannon');

interface Figures {
  cpuUsPerReq: number;
  p99: number;
  eldP99: number;
  eldMax: number;
  gcs: number;
  gcMs: number;
}

async function once(base: string, endpoint: string, cookie: string): Promise<Figures> {
  let gcs = 0;
  let gcMs = 0;
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gcs++;
      gcMs += e.duration;
    }
  });
  obs.observe({ entryTypes: ['gc'] });
  const eld = monitorEventLoopDelay({ resolution: 1 });
  eld.enable();
  const c0 = process.cpuUsage();
  const { stdout } = await run(
    AUTOCANNON,
    ['-c', '50', '-a', String(REQUESTS), '-H', `cookie=${cookie}`, '-j', `${base}${endpoint}`],
    { maxBuffer: 1 << 24 },
  );
  const c = process.cpuUsage(c0);
  eld.disable();
  obs.disconnect();
  const r = JSON.parse(stdout) as {
    latency: { p99: number };
    requests: { total: number };
    non2xx: number;
    errors: number;
  };
  if (r.non2xx || r.errors) throw new Error(`${endpoint}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return {
    cpuUsPerReq: (c.user + c.system) / r.requests.total,
    p99: r.latency.p99,
    eldP99: eld.percentile(99) / 1e6,
    eldMax: eld.max / 1e6,
    gcs,
    gcMs,
  };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-load-profile-'));
  const store = new CoreGraphStore(new SqliteAdapter(path.join(dir, 'flow-atlas.sqlite')));
  await store.init();
  try {
    await seedStore(store, { maps: true });
    await createTestAccount(store, { role: 'editor', username: 'bench-editor' });
    const app = createApp({ store });
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const cookie = await loginCookie(createApp({ store }), 'bench-editor');
    console.log(
      `load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}; ${REQUESTS} requests x ${RUNS} runs`,
    );
    console.log('| endpoint | bytes | CPU µs/req (runs) | p99 ms | ELD p99/max ms | GCs, pause ms |');
    for (const endpoint of LOAD_ENDPOINTS.filter((e) => !ONLY || e === ONLY)) {
      const warm = await fetch(`${base}${endpoint}`, { headers: { cookie } });
      const bytes = (await warm.arrayBuffer()).byteLength;
      const figs: Figures[] = [];
      const session = PROFILE_DIR ? new Session() : undefined;
      if (session) {
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.start');
      }
      for (let i = 0; i < RUNS; i++) figs.push(await once(base, endpoint, cookie));
      if (session) {
        const { profile } = await session.post('Profiler.stop');
        const file = path.join(PROFILE_DIR, `${endpoint.replace(/[^a-z]+/g, '-')}.cpuprofile`);
        fs.writeFileSync(file, JSON.stringify(profile));
        session.disconnect();
      }
      const m = (f: (x: Figures) => number) => medianOf(figs.map(f));
      console.log(
        `| ${endpoint} | ${bytes} | ${m((f) => f.cpuUsPerReq).toFixed(0)} (${figs.map((f) => f.cpuUsPerReq.toFixed(0)).join('/')}) | ` +
          `${figs.map((f) => f.p99).join('/')} | ${m((f) => f.eldP99).toFixed(1)}/${m((f) => f.eldMax).toFixed(1)} | ` +
          `${m((f) => f.gcs)}, ${m((f) => f.gcMs).toFixed(0)} |`,
      );
    }
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
