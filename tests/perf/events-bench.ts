// `npm run bench -- --only events [--runs 3]` (issue 15 points 1, 4 and 5; a benchmark, not a test): what open change
// feeds cost and how fast a change reaches them. On the seed region in the embedded store (a temporary file) and on
// a Neo4j of the bench's own with two app instances, A and B, each with its own driver (load-bench.ts's eachStore
// and withTarget: 127.0.0.1 only, the Neo4j removed afterwards; skipped with a printed line without Java and Maven).
// Each run, with the app's default feed settings: the p50/p99 of GET /api/graph?country=SE (autocannon, 10
// connections for 3 s) with no stream open; the app process's RSS and heap after full collections before and after
// 200 streams are opened on A (held by a child process, events-clients.ts, so that their sockets are not counted);
// the same latency with the 200 open; then three notes changed by PUT through A, each timed from the PUT being sent
// to its change event arriving on a stream of A, on every one of the 200, and on a stream of B. Once per store at the
// end: a client that stops reading (its socket paused) while 1,500 tabs' presence makes each presence event ~230 kB,
// until the app drops it; the bytes unsent at the drop and whether the stream was closed.
import { spawn } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import readline from 'node:readline';
import { eventsOf } from '../../server/app';
import type { Logger } from '../../server/logger';
import type { GraphStore } from '../../server/store/port';
import { openEvents, type ReceivedEvent, type SseConnection } from '../support/sse-client';
import { collector, eachStore, listen, run, withTarget, type Target } from './load-bench';

const STREAMS = 200;
const PROBE = '/api/graph?country=SE';
const PROBE_CONNECTIONS = 10;
const PROBE_SECONDS = 3;
const CHANGES_PER_RUN = 3;
const BULK_TABS = 1500;
const DEADLINE_MS = 30_000;

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(what: string, check: () => boolean | Promise<boolean>, deadlineMs = DEADLINE_MS) {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > deadlineMs) throw new Error(`events bench: ${what} not within ${deadlineMs} ms`);
    await sleep(20);
  }
}

/** The streams' client: a child process (events-clients.ts), ended by closing its stdin, else killed by its PID. */
interface Clients {
  /** Opens the streams; resolves once every one had its ready event. */
  open(): Promise<void>;
  /** How many streams got the event `id`, and when the last of them got it (ms since the epoch). */
  seen(id: string): Promise<{ streams: number; last: number }>;
  /** Closes the streams (the process stays for the next open). */
  closeStreams(): Promise<void>;
  end(): Promise<void>;
}

function streamClients(base: string, cookie: string, count: number): Clients {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'events-clients.ts'), base, `${count}`],
    {
      cwd: path.resolve(__dirname, '../..'),
      env: { ...process.env, BENCH_COOKIE: cookie },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  const waiting: Array<(line: string) => void> = [];
  readline.createInterface({ input: child.stdout }).on('line', (line) => waiting.shift()?.(line));
  const ask = (command: string, ms: number) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the stream clients did not answer ${command} in ${ms} ms`)), ms);
      waiting.push((line) => {
        clearTimeout(timer);
        resolve(line);
      });
      child.stdin.write(`${command}\n`);
    });
  return {
    async open() {
      const answer = await ask('open', 180_000);
      if (answer !== `ready ${count}`) throw new Error(`the stream clients: ${answer}`);
    },
    async seen(id) {
      const [, streams, last] = (await ask(`seen ${id}`, 10_000)).split(' ');
      return { streams: Number(streams), last: Number(last) };
    },
    async closeStreams() {
      await ask('close', 30_000);
    },
    async end() {
      child.stdin.end();
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** The app process's RSS and heap after full collections (MB). */
function memory(gc: () => void): { rss: number; heap: number } {
  for (let i = 0; i < 3; i++) gc();
  const m = process.memoryUsage();
  return { rss: m.rss / 2 ** 20, heap: m.heapUsed / 2 ** 20 };
}

async function probe(t: Target): Promise<{ p50: number; p99: number; errors: number }> {
  const r = await run({
    url: `${t.base}${PROBE}`,
    connections: PROBE_CONNECTIONS,
    duration: PROBE_SECONDS,
    headers: { cookie: t.cookie },
  });
  return { p50: r.latency.p50, p99: r.latency.p99, errors: r.non2xx + r.errors + r.timeouts };
}

/** Changes a flow's note by PUT through `t`; when the PUT was sent and answered (ms since the epoch). */
async function change(t: Target, key: string, note: string): Promise<{ sent: number; answered: number }> {
  const headers = { cookie: t.cookie, 'content-type': 'application/json', origin: t.base };
  const flow = (await (await fetch(`${t.base}/api/flows/${key}`, { headers })).json()) as object;
  const sent = now();
  const res = await fetch(`${t.base}/api/flows/${key}`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ ...flow, note }),
  });
  const answered = now();
  if (res.status !== 200) throw new Error(`PUT /api/flows/${key} answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
  return { sent, answered };
}

/** The first event after the `from` first ones matching `match`. */
async function arrival(conn: SseConnection, from: number, match: (e: ReceivedEvent) => boolean, what: string) {
  let found: ReceivedEvent | undefined;
  await conn.until(what, (c) => (found = c.events.slice(from).find(match)) !== undefined, DEADLINE_MS);
  return found!;
}

async function ready(base: string, cookie: string): Promise<SseConnection> {
  const conn = await openEvents(base, { cookie });
  await conn.waitFor((e) => e.event === 'ready', 'the stream is ready', DEADLINE_MS);
  return conn;
}

type Figures = Map<string, Array<number | string>>;
const record = (f: Figures, row: string, value: number | string) => f.set(row, [...(f.get(row) ?? []), value]);

const ROWS = {
  rss: `RSS added by ${STREAMS} open streams (app process, after GC)`,
  heap: `heap added by ${STREAMS} open streams`,
  p50quiet: `GET ${PROBE} p50, no stream open`,
  p50busy: `GET ${PROBE} p50, ${STREAMS} streams open`,
  p99quiet: `GET ${PROBE} p99, no stream open`,
  p99busy: `GET ${PROBE} p99, ${STREAMS} streams open`,
  errors: `GET ${PROBE} errors (both)`,
  put: 'PUT of a flow answered (the change committed), from sent',
  same: 'PUT sent -> its change event on a stream of the same instance',
  all: `PUT sent -> its change event on all ${STREAMS} streams`,
  other: 'PUT sent through A -> its change event on a stream of instance B',
  drop: 'a client that stops reading',
} as const;

/** One store's runs (two app instances when `b` is given), then the client that stops reading. */
async function measure(
  a: Target,
  b: Target | undefined,
  store: GraphStore,
  runs: number,
  drops: string[],
): Promise<Figures> {
  const f: Figures = new Map();
  const gc = collector();
  const graph = (await (await fetch(`${a.base}${PROBE}`, { headers: { cookie: a.cookie } })).json()) as {
    flows: Array<{ id: string }>;
  };
  const key = graph.flows[0]!.id;
  const clients = streamClients(a.base, a.cookie, STREAMS);
  try {
    for (let r = 1; r <= runs; r++) await oneRun(f, r, runs, a, b, key, clients, gc);
  } finally {
    await clients.end();
  }
  await waitUntil('the streams are closed', () => eventsOf(a.app)!.size === 0 && (!b || eventsOf(b.app)!.size === 0));
  record(f, ROWS.drop, await stopsReading(a, store, drops));
  return f;
}

/** One run: latency without streams, memory before and after opening them, latency with them, three changes. */
async function oneRun(
  f: Figures,
  r: number,
  runs: number,
  a: Target,
  b: Target | undefined,
  key: string,
  clients: Clients,
  gc: () => void,
): Promise<void> {
  await waitUntil("the last run's streams are closed", () => eventsOf(a.app)!.size === 0);
  const quiet = await probe(a);
  const before = memory(gc);
  await clients.open();
  try {
    await waitUntil(`${STREAMS} streams open on A`, () => eventsOf(a.app)!.size === STREAMS);
    const after = memory(gc);
    record(f, ROWS.rss, after.rss - before.rss);
    record(f, ROWS.heap, after.heap - before.heap);
    const busy = await probe(a);
    record(f, ROWS.p50quiet, quiet.p50);
    record(f, ROWS.p50busy, busy.p50);
    record(f, ROWS.p99quiet, quiet.p99);
    record(f, ROWS.p99busy, busy.p99);
    record(f, ROWS.errors, quiet.errors + busy.errors);
    const onA = await ready(a.base, a.cookie);
    const onB = b ? await ready(b.base, b.cookie) : undefined;
    try {
      for (let i = 0; i < CHANGES_PER_RUN; i++) {
        const [fromA, fromB] = [onA.events.length, onB?.events.length ?? 0];
        const { sent, answered } = await change(a, key, `events bench ${r}.${i}`);
        const e = await arrival(onA, fromA, (x) => x.event === 'change' && x.data.key === key, 'the change on A');
        record(f, ROWS.put, answered - sent);
        record(f, ROWS.same, e.receivedAt - sent);
        let seen = { streams: 0, last: 0 };
        await waitUntil(`the change on all ${STREAMS} streams`, async () => {
          seen = await clients.seen(e.id!);
          return seen.streams === STREAMS;
        });
        record(f, ROWS.all, seen.last - sent);
        if (onB) {
          const eb = await arrival(onB, fromB, (x) => x.event === 'change' && x.id === e.id, 'the change on B');
          record(f, ROWS.other, eb.receivedAt - sent);
        }
      }
    } finally {
      onA.close();
      onB?.close();
    }
  } finally {
    await clients.closeStreams();
  }
  console.error(`events bench, ${a.label}: run ${r}/${runs} done (load average ${os.loadavg()[0]!.toFixed(1)})`);
}

/** A client that reads the answer's head and nothing more, while presence events of ~230 kB each go out. */
async function stopsReading(t: Target, store: GraphStore, drops: string[]): Promise<string> {
  const paused = await new Promise<http.IncomingMessage>((resolve, reject) => {
    http
      .get(`${t.base}/api/events`, { headers: { Accept: 'text/event-stream', Cookie: t.cookie } })
      .on('response', (res) => {
        res.pause();
        resolve(res);
      })
      .on('error', reject);
  });
  let received = 0;
  let closed = false;
  paused.on('close', () => {
    closed = true;
  });
  paused.on('error', () => {});
  try {
    await waitUntil('the paused stream is open', () => eventsOf(t.app)!.size === 1);
    const expiresAt = new Date(Date.now() + 600_000).toISOString();
    const tab = (i: number, view: string) => ({
      idHash: `bench-bulk-${i}`,
      tab: `tab-bench-${String(i).padStart(6, '0')}`,
      username: `bench-bulk-${i}`,
      role: 'viewer',
      country: 'SE',
      view,
      editingKind: 'stakeholder',
      editingKey: `se-bench-${i}`,
      expiresAt,
    });
    for (let i = 0; i < BULK_TABS; i += 10) {
      const batch = Array.from({ length: Math.min(10, BULK_TABS - i) }, (_, j) => tab(i + j, 'map'));
      await Promise.all(batch.map((p) => store.accounts.putPresence(p, new Date().toISOString())));
    }
    // One tab's view changes 4 times a second: each presence read (1 s) finds a new list and sends it.
    const started = performance.now();
    for (let flip = 1; eventsOf(t.app)!.size > 0 && performance.now() - started < 90_000; flip++) {
      await store.accounts.putPresence(tab(0, `view${flip}`), new Date().toISOString());
      await sleep(250);
    }
    // Presence events go out while the tabs are stored too: the drop may come before the first change of view.
    const after = ((performance.now() - started) / 1000).toFixed(0);
    if (drops.length === 0)
      return eventsOf(t.app)!.size > 0
        ? `NOT dropped within ${after} s of changes`
        : `ended after ${after} s, NOT by a drop`;
    paused.on('data', (chunk: Buffer) => {
      received += chunk.length;
    });
    paused.resume();
    await waitUntil('the dropped stream closes', () => closed).catch(() => {});
    return `dropped ${after} s after the ${BULK_TABS} tabs were stored (${drops.join('; ')}); its client then read ${(received / 1024).toFixed(0)} kB (what the kernel held) and the stream ${closed ? 'was closed' : 'was NOT closed'}`;
  } finally {
    paused.destroy();
  }
}

function cell(row: string, values: Array<number | string> | undefined): string {
  if (!values?.length) return '-';
  const text = values.find((v) => typeof v === 'string');
  if (text !== undefined) return String(text);
  const sorted = (values as number[]).slice().sort((x, y) => x - y);
  const unit = row === ROWS.rss || row === ROWS.heap ? 'MB' : row === ROWS.errors ? '' : 'ms';
  const fmt = (v: number) =>
    (unit === 'MB' || (unit === 'ms' && v < 100) ? v.toFixed(1) : v.toFixed(0)).replace(/^-(0(\.0)?)$/, '$1');
  const median = `${fmt(sorted[Math.floor(sorted.length / 2)]!)}${unit ? ` ${unit}` : ''}`;
  return sorted.length > 1 ? `${median} (${fmt(sorted[0]!)} to ${fmt(sorted[sorted.length - 1]!)})` : median;
}

/** One store's figures, printed as soon as they are measured (a later store's failure or time-out keeps them). */
function print(column: string, f: Figures, runs: number, loads: readonly number[]): void {
  console.log(
    `\nChange feed (GET /api/events), ${column}: seed region, default feed settings, ${STREAMS} streams held by a child process; median of ${runs} run(s) (range); load average ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)} on ${os.cpus().length} cores`,
  );
  console.log(`(goals: < 100 MB for ${STREAMS} streams, no measurable added latency, a change on B within 1 s)\n`);
  console.log(`| what | ${column} |\n|---|---:|`);
  for (const row of Object.values(ROWS)) if (f.has(row)) console.log(`| ${row} | ${cell(row, f.get(row))} |`);
}

export async function eventsBenchmarks(runs: number): Promise<void> {
  await eachStore(async (label, store, second) => {
    const loads = [os.loadavg()[0]!];
    const drops: string[] = [];
    const logger: Logger = {
      info: () => {},
      warn: (msg, extra) => {
        if (msg.includes('stopped reading')) drops.push(String((extra as { why?: string } | undefined)?.why));
      },
      error: (msg, extra) => console.error(`${label}: ${msg}`, extra ?? ''),
    };
    await withTarget(
      label,
      store,
      async (a) => {
        const storeB = second ? await second() : undefined;
        const b = storeB ? await listen(storeB) : undefined;
        try {
          const targetB = b && { label: `${label} B`, base: b.base, cookie: a.cookie, app: b.app };
          const figures = await measure(a, targetB, store, runs, drops);
          loads.push(os.loadavg()[0]!);
          print(b ? `${label}, two app instances A and B` : label, figures, runs, loads);
        } finally {
          eventsOf(a.app)?.close();
          if (b) {
            eventsOf(b.app)?.close();
            b.server.closeAllConnections();
            await new Promise((resolve) => b.server.close(resolve));
          }
          await storeB?.close();
        }
      },
      { logger },
    );
  });
}
