// `npx tsx tests/perf/events-bench.ts [streams]` (issue 15 point 5, a benchmark, not a test): what open change
// feeds cost on the embedded store. Opens `streams` (default 200) GET /api/events streams as one signed-in user
// over loopback, then reports the heap and RSS growth, the median and 95th-percentile time of GET /api/countries
// without and with the streams open, and how long one change takes to reach every stream.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { createApp, eventsOf } from '../../server/app';
import { createTestAccount, loginCookie } from '../support/auth';
import { smallMapStore } from '../support/small-store';
import { listen, openEvents, type SseConnection } from '../support/sse-client';

const pct = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

function get(url: string, cookie: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { Cookie: cookie } }, (res) => {
        res.resume();
        res.on('end', () => resolve(performance.now() - started));
      })
      .on('error', reject);
  });
}

async function timings(url: string, cookie: string, n = 200): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await get(url, cookie));
  return out;
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 200);
  const store = await smallMapStore();
  const app = createApp({ store });
  const server = await listen(app);
  await createTestAccount(store, { role: 'editor' });
  const cookie = await loginCookie(app, 'editor');
  const countries = `${server.url}/api/countries`;
  await timings(countries, cookie, 50); // warm-up
  const before = await timings(countries, cookie);
  global.gc?.();
  const mem0 = process.memoryUsage();
  const conns: SseConnection[] = [];
  for (let i = 0; i < count; i++) conns.push(await openEvents(server.url, { cookie }));
  await Promise.all(conns.map((c) => c.waitFor((e) => e.event === 'ready', 'ready', 60_000)));
  global.gc?.();
  const mem1 = process.memoryUsage();
  const during = await timings(countries, cookie);
  const flow = (await store.get('flow', 'xa-f1')) as unknown as Record<string, unknown>;
  const { version, updatedAt: _a, updatedBy: _b, ...rest } = flow;
  const t0 = performance.now();
  await store.update('flow', 'xa-f1', { ...rest, note: 'bench' }, version as number, 'bench');
  await Promise.all(conns.map((c) => c.waitFor((e) => e.event === 'change', 'the change', 60_000)));
  const fanOut = performance.now() - t0;
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
  console.log(`${count} streams (client and server in one process; run with --expose-gc for steadier numbers):`);
  console.log(`  heap +${mb(mem1.heapUsed - mem0.heapUsed)}, RSS +${mb(mem1.rss - mem0.rss)}`);
  console.log(
    `  GET /api/countries without streams: median ${pct(before, 0.5).toFixed(2)} ms, p95 ${pct(before, 0.95).toFixed(2)} ms`,
  );
  console.log(
    `  GET /api/countries with ${count} streams: median ${pct(during, 0.5).toFixed(2)} ms, p95 ${pct(during, 0.95).toFixed(2)} ms`,
  );
  console.log(`  one change reached all ${count} streams in ${fanOut.toFixed(0)} ms (poll interval 200 ms)`);
  for (const c of conns) c.close();
  eventsOf(app)?.close();
  await server.close();
  await store.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
