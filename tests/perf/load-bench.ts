// `npm run bench -- --only load`: issue 11 point 6 as a user would measure it. The app listens on 127.0.0.1
// over the seed region (the embedded store in a temporary file, and a Neo4j of the bench's own, removed
// afterwards); a signed-in editor's cookie; after one warm-up request, 50 connections for 10 s (autocannon in
// a worker thread, so the app keeps its own event loop) on each of the four endpoints of the issue. Prints
// p50/p99 latency, requests per second and errors (non-2xx, connection errors, time-outs) per endpoint and store.
// `--only soak` (`--soak-seconds`, default 60): the four endpoints mixed, 50 connections, the app's RSS and
// heap sampled every 5 s after a full garbage collection, and whether memory stayed flat (the last third's
// median heap within 10% or 16 MB of the first third's).
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import autocannon from 'autocannon';
import type express from 'express';
import { createApp, type AppDeps } from '../../server/app';
import { CoreGraphStore } from '../../server/store/core';
import { Neo4jAdapter } from '../../server/store/neo4j/adapter';
import { SqliteAdapter } from '../../server/store/sqlite/adapter';
import type { GraphStore } from '../../server/store/port';
import { seedStore } from '../../seed/loader';
import { createTestAccount, loginCookie } from '../support/auth';
import { OwnNeo4j } from '../support/own-neo4j';

export const LOAD_ENDPOINTS = [
  '/api/graph?country=SE',
  '/api/countries',
  '/api/analysis/coverage',
  '/api/analysis/bottlenecks?country=SE',
] as const;

/** BENCH_LOAD_STORE (embedded or Neo4j) and BENCH_LOAD_ENDPOINT (one of the four) narrow a run, e.g. to measure one endpoint alone. */
const ONLY_STORE = process.env.BENCH_LOAD_STORE?.toLowerCase();
const ENDPOINTS = LOAD_ENDPOINTS.filter(
  (e) => !process.env.BENCH_LOAD_ENDPOINT || e === process.env.BENCH_LOAD_ENDPOINT,
);

const CONNECTIONS = 50;
const SECONDS = 10;
const SAMPLE_EVERY_MS = 5_000;

export interface Target {
  label: string;
  base: string;
  cookie: string;
  app: express.Express;
}

/** A second store on the same database (another app instance's), for the caller to close; Neo4j only. */
export type SecondStore = () => Promise<GraphStore>;

interface Row {
  store: string;
  endpoint: string;
  p50: number;
  p99: number;
  rps: number;
  errors: number;
}

/** The app over `store` (with `deps`), listening on 127.0.0.1 at a free port. */
export async function listen(
  store: GraphStore,
  deps: Omit<AppDeps, 'store'> = {},
): Promise<{ base: string; server: Server; app: express.Express }> {
  const app = createApp({ store, ...deps });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, app };
}

export function run(options: autocannon.Options): Promise<autocannon.Result> {
  // One worker thread fires the requests: the app's event loop is not shared with the load generator.
  return autocannon({ ...options, workers: 1, timeout: 10 });
}

async function endpointRow(target: Target, endpoint: string): Promise<Row> {
  const warm = await fetch(`${target.base}${endpoint}`, { headers: { cookie: target.cookie } });
  await warm.arrayBuffer();
  if (warm.status !== 200) throw new Error(`warm-up of ${endpoint} answered ${warm.status}`);
  const r = await run({
    url: `${target.base}${endpoint}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { cookie: target.cookie },
  });
  return {
    store: target.label,
    endpoint,
    p50: r.latency.p50,
    p99: r.latency.p99,
    rps: r.requests.average,
    errors: r.non2xx + r.errors + r.timeouts,
  };
}

/** The app (with `deps`) over a seeded store, a signed-in editor's cookie; `fn` runs against it, then the server closes. */
export async function withTarget<T>(
  label: string,
  store: GraphStore,
  fn: (t: Target) => Promise<T>,
  deps: Omit<AppDeps, 'store'> = {},
): Promise<T> {
  await seedStore(store, { maps: true });
  await createTestAccount(store, { role: 'editor', username: 'bench-editor' });
  const { base, server, app } = await listen(store, deps);
  try {
    const cookie = await loginCookie(createApp({ store }), 'bench-editor');
    return await fn({ label, base, cookie, app });
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** The embedded store in a temporary file (WAL, as `npm start` uses it), and a Neo4j of the bench's own. */
export async function eachStore(
  fn: (label: string, store: GraphStore, second?: SecondStore) => Promise<void>,
): Promise<void> {
  if (ONLY_STORE !== 'neo4j') await embedded(fn);
  if (ONLY_STORE !== 'embedded') await ownNeo4j(fn);
}

async function embedded(fn: (label: string, store: GraphStore) => Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-load-'));
  const sqlite = new CoreGraphStore(new SqliteAdapter(path.join(dir, 'flow-atlas.sqlite')));
  try {
    await sqlite.init();
    await fn('embedded', sqlite);
  } finally {
    await sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function ownNeo4j(fn: (label: string, store: GraphStore, second: SecondStore) => Promise<void>): Promise<void> {
  const neo = await OwnNeo4j.allocate();
  try {
    await neo.start();
    const open = async () => {
      const s = new CoreGraphStore(new Neo4jAdapter({ uri: neo.uri, user: 'neo4j', password: '', database: 'neo4j' }));
      await s.init().catch(async (err: unknown) => {
        await s.close();
        throw err;
      });
      return s;
    };
    const store = await open();
    try {
      await fn('Neo4j', store, open);
    } finally {
      await store.close();
    }
  } catch (err) {
    console.error(`Neo4j not measured: ${(err as Error).message}`);
  } finally {
    await neo.remove();
  }
}

export async function loadBenchmarks(): Promise<void> {
  const rows: Row[] = [];
  await eachStore((label, store) =>
    withTarget(label, store, async (target) => {
      for (const endpoint of ENDPOINTS) rows.push(await endpointRow(target, endpoint));
    }),
  );
  console.log(
    `\nUnder load: ${CONNECTIONS} connections for ${SECONDS} s per endpoint, signed in, seed region, after one warm-up request`,
  );
  console.log('(goals: p99 < 50 ms on the embedded store, < 150 ms on Neo4j, no errors)');
  console.log('| store | endpoint | p50 | p99 | req/s | errors |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.store} | \`GET ${r.endpoint}\` | ${r.p50} ms | ${r.p99} ms | ${Math.round(r.rps)} | ${r.errors} |`,
    );
  }
}

interface Sample {
  at: number;
  rssMb: number;
  heapMb: number;
}

/** A full collection before each sample, so that samples compare live memory, not where the GC happened to be. */
export function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export async function soakBenchmark(seconds: number): Promise<void> {
  const lines: string[] = [];
  await eachStore((label, store) =>
    withTarget(label, store, async (target) => {
      for (const endpoint of LOAD_ENDPOINTS)
        await (await fetch(`${target.base}${endpoint}`, { headers: { cookie: target.cookie } })).arrayBuffer();
      const samples: Sample[] = [];
      const t0 = Date.now();
      const gc = collector();
      const sample = () => {
        gc();
        const m = process.memoryUsage();
        samples.push({
          at: Math.round((Date.now() - t0) / 1000),
          rssMb: m.rss / 2 ** 20,
          heapMb: m.heapUsed / 2 ** 20,
        });
      };
      sample();
      const timer = setInterval(sample, SAMPLE_EVERY_MS);
      let r: autocannon.Result;
      try {
        r = await run({
          url: target.base,
          connections: CONNECTIONS,
          duration: seconds,
          headers: { cookie: target.cookie },
          requests: LOAD_ENDPOINTS.map((p) => ({ method: 'GET' as const, path: p })),
        });
      } finally {
        clearInterval(timer);
      }
      sample();
      const third = Math.max(1, Math.floor(samples.length / 3));
      const first = median(samples.slice(0, third).map((s) => s.heapMb));
      const last = median(samples.slice(-third).map((s) => s.heapMb));
      const flat = last - first <= Math.max(16, first * 0.1);
      lines.push(
        `${label}: ${Math.round(r.requests.total)} requests, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ` +
          `${Math.round(r.requests.average)} req/s, errors ${r.non2xx + r.errors + r.timeouts}; heap median first third ${first.toFixed(0)} MB, ` +
          `last third ${last.toFixed(0)} MB: ${flat ? 'flat' : 'GROWING'}`,
      );
      lines.push(
        `  samples (s: RSS/heap MB): ${samples.map((s) => `${s.at}: ${s.rssMb.toFixed(0)}/${s.heapMb.toFixed(0)}`).join(', ')}`,
      );
    }),
  );
  console.log(
    `\nMixed soak: the four endpoints in turn, ${CONNECTIONS} connections for ${seconds} s per store (app's RSS and heap every ${SAMPLE_EVERY_MS / 1000} s)`,
  );
  for (const l of lines) console.log(l);
}
