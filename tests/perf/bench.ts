// `npm run bench`: benchmarks (not timed tests). Reports the median of several runs per measurement.
// Store: seeding the region into an empty store, exporting it, and building a country's map graph,
// on SQLite and, when NEO4J_URI is set (or `--neo4j` starts one), on Neo4j.
import { performance } from 'node:perf_hooks';
import { CoreGraphStore } from '../../server/store/core';
import { SqliteAdapter } from '../../server/store/sqlite/adapter';
import { Neo4jAdapter } from '../../server/store/neo4j/adapter';
import type { GraphStore } from '../../server/store/port';
import { graphOf } from '../../server/services/graph-view';
import { seedStore } from '../../seed/loader';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

export async function median(runs: number, fn: () => Promise<unknown>, before?: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (before) await before();
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

interface Row { what: string; [store: string]: string }

async function benchStore(label: string, make: () => Promise<{ store: GraphStore; reset: () => Promise<void> }>, rows: Row[]) {
  const { store, reset } = await make();
  const put = (what: string, ms: number) => {
    let row = rows.find((r) => r.what === what);
    if (!row) rows.push((row = { what }));
    row[label] = `${ms.toFixed(1)} ms`;
  };
  put('seed the region into an empty store', await median(RUNS, () => seedStore(store, { maps: true }), reset));
  put('seed again (nothing changes)', await median(RUNS, () => seedStore(store, { maps: true })));
  put('export the region', await median(RUNS, () => store.exportDocument({})));
  put('export one country (SE)', await median(RUNS, () => store.exportDocument({ country: 'SE' })));
  put('map graph of one country (SE)', await median(RUNS, () => graphOf(store, 'SE')));
  await store.close();
}

async function main() {
  const rows: Row[] = [];
  const stores = ['SQLite'];
  await benchStore('SQLite', async () => {
    let store = new CoreGraphStore(new SqliteAdapter(':memory:'));
    await store.init();
    const holder = {
      get store() { return store; },
    };
    return {
      store: new Proxy({} as GraphStore, { get: (_t, p) => (holder.store as any)[p]?.bind(holder.store) }),
      reset: async () => {
        await store.close();
        store = new CoreGraphStore(new SqliteAdapter(':memory:'));
        await store.init();
      },
    };
  }, rows);
  const uri = process.env.NEO4J_URI;
  if (uri) {
    stores.push('Neo4j');
    await benchStore('Neo4j', async () => {
      const adapter = new Neo4jAdapter({ uri, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '', database: process.env.NEO4J_DATABASE ?? 'neo4j' });
      const store = new CoreGraphStore(adapter);
      await store.init();
      return { store, reset: () => adapter.clear() };
    }, rows);
  } else {
    console.error('Neo4j not measured: set NEO4J_URI (e.g. after `npm run neo4j`) to include it. Note: the Neo4j run clears that database.');
  }
  console.log(`\nMedian of ${RUNS} runs, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}\n`);
  console.log(`| what | ${stores.join(' | ')} |`);
  console.log(`|---|${stores.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.what} | ${stores.map((s) => r[s] ?? '-').join(' | ')} |`);
}

void main();
