// `npm run bench -- --only concurrency`: the lost-update scenario of issue 17 as a user would run it. Two app
// instances listen on 127.0.0.1 over one store (the embedded store: one store object; Neo4j: a Neo4j of the
// bench's own, removed afterwards, and two drivers); 24 clients each read one flow and write it back with a
// new note and the version they read, 12 rounds each, spread over both instances. Reports per run the PUTs
// accepted, the 409s, reads answering 404, 5xx, how far the version moved and the accepted writes it does not
// count (lost); the medians over the runs.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import { createApp } from '../../server/app';
import type { Clock } from '../../server/auth/clock';
import { CoreGraphStore } from '../../server/store/core';
import { Neo4jAdapter } from '../../server/store/neo4j/adapter';
import { SqliteAdapter } from '../../server/store/sqlite/adapter';
import type { GraphStore } from '../../server/store/port';
import { catalogue } from '../support/catalogue';
import { smallMap } from '../support/small-map';
import { createTestAccount, loginCookie } from '../support/auth';
import { OwnNeo4j } from '../support/own-neo4j';

const CLIENTS = 24;
const ROUNDS = 12;
const instantClock: Clock = { now: () => new Date(), sleep: async () => {} };

interface Outcome {
  accepted: number;
  conflicts: number;
  notFound: number;
  serverErrors: number;
  moved: number;
  lost: number;
  ms: number;
}

async function listen(store: GraphStore): Promise<{ base: string; server: Server }> {
  const app = createApp({ store, clock: instantClock });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function oneRun(bases: string[], cookie: string): Promise<Outcome> {
  const path = '/api/flows/xa-f1';
  const get = (base: string) => fetch(`${base}${path}`, { headers: { cookie } });
  const start = (await (await get(bases[0]!)).json()).version as number;
  const out = { accepted: 0, conflicts: 0, notFound: 0, serverErrors: 0 };
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      const base = bases[client % bases.length]!;
      for (let round = 0; round < ROUNDS; round++) {
        const read = await get(base);
        if (read.status === 404) out.notFound += 1;
        if (read.status >= 500) out.serverErrors += 1;
        if (read.status !== 200) continue;
        const { version, updatedAt: _a, updatedBy: _b, ...entity } = (await read.json()) as Record<string, unknown>;
        const put = await fetch(`${base}${path}`, {
          method: 'PUT',
          headers: { cookie, origin: base, 'content-type': 'application/json', 'if-match': `"${String(version)}"` },
          body: JSON.stringify({ ...entity, note: `client ${client} round ${round}` }),
        });
        await put.arrayBuffer();
        if (put.status === 200) out.accepted += 1;
        else if (put.status === 409) out.conflicts += 1;
        else if (put.status >= 500) out.serverErrors += 1;
      }
    }),
  );
  const ms = performance.now() - t0;
  const moved = ((await (await get(bases[1]!)).json()).version as number) - start;
  return { ...out, moved, lost: out.accepted - moved, ms };
}

async function measure(label: string, stores: [GraphStore, GraphStore], runs: number): Promise<string> {
  await stores[0].ensureCatalogue(catalogue, 'bench');
  await stores[0].importDocument(smallMap(), { mode: 'merge', actor: 'bench' });
  await createTestAccount(stores[0], { role: 'editor', username: 'bench-editor' });
  const servers = [await listen(stores[0]), await listen(stores[1])];
  try {
    const cookie = await loginCookie(createApp({ store: stores[0], clock: instantClock }), 'bench-editor');
    const outcomes: Outcome[] = [];
    for (let i = 0; i < runs; i++)
      outcomes.push(
        await oneRun(
          servers.map((s) => s.base),
          cookie,
        ),
      );
    const med = (f: (o: Outcome) => number) =>
      [...outcomes.map(f)].sort((a, b) => a - b)[Math.floor(outcomes.length / 2)]!;
    const worst = (f: (o: Outcome) => number) => Math.max(...outcomes.map(f));
    return (
      `| ${label} | ${med((o) => o.accepted)} | ${med((o) => o.conflicts)} | ${worst((o) => o.lost)} | ${worst((o) => o.notFound)} | ` +
      `${worst((o) => o.serverErrors)} | ${med((o) => o.ms).toFixed(0)} ms |`
    );
  } finally {
    for (const { server } of servers) await new Promise((resolve) => server.close(resolve));
  }
}

export async function concurrencyBenchmarks(runs: number): Promise<void> {
  const rows: string[] = [];
  const sqlite = new CoreGraphStore(new SqliteAdapter(':memory:'));
  await sqlite.init();
  rows.push(await measure('embedded store, two apps on one store', [sqlite, sqlite], runs));
  await sqlite.close();

  const neo = await OwnNeo4j.allocate();
  try {
    await neo.start();
    const settings = { uri: neo.uri, user: 'neo4j', password: '', database: 'neo4j' };
    const stores: [GraphStore, GraphStore] = [
      new CoreGraphStore(new Neo4jAdapter(settings)),
      new CoreGraphStore(new Neo4jAdapter(settings)),
    ];
    for (const s of stores) await s.init();
    rows.push(await measure('Neo4j, two apps with a driver each', stores, runs));
    for (const s of stores) await s.close();
  } catch (err) {
    console.error(`Neo4j not measured: ${(err as Error).message}`);
  } finally {
    await neo.remove();
  }
  console.log(
    `\nConcurrent read-modify-write: ${CLIENTS} clients x ${ROUNDS} rounds on one flow, two app instances (medians of ${runs} runs; lost, 404 and 5xx: the worst run)`,
  );
  console.log('| store | PUTs accepted | 409 | accepted but lost | reads 404 | 5xx | time |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
}
