// `npm run bench -- --only outage`: how fast the app notices a Neo4j outage and how fast it serves again, on a
// Neo4j of its own (scripts/neo4j, a fresh port and data folder, removed afterwards). Each run: a client asks
// for the map over loopback back to back; Neo4j is stopped (time to the first 503 from the SIGTERM and from the
// process's exit, and the slowest answer meanwhile), then started again on the same port and data (time from
// Bolt accepting connections, as the launcher reports it, to the first 200).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import neo4jDriver from 'neo4j-driver';
import { createApp } from '../../server/app';
import { startStore } from '../../server/store';
import { readCatalogue } from '../../seed/loader';
import { createTestAccount, loginCookie } from '../support/auth';
import { OwnNeo4j } from '../support/own-neo4j';

interface Answer {
  start: number;
  end: number;
  status: number;
}

const medianOf = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (v: number) => `${v.toFixed(0)} ms`;

export async function outageBenchmarks(runs: number): Promise<void> {
  const neo = await OwnNeo4j.allocate();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-outage-bench-'));
  let server: Server | undefined;
  const started = await startStore(
    { dataDir, neo4j: { uri: neo.uri, user: 'neo4j', password: '', database: 'neo4j' } },
    {
      prepare: async (store) => {
        await store.ensureCatalogue(readCatalogue(), 'bench');
        await createTestAccount(store, { role: 'admin' });
      },
    },
  );
  try {
    await neo.start();
    await started.ready;
    const app = createApp({ store: started.store });
    const cookie = await loginCookie(app, 'admin');
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const created = await fetch(`${base}/api/countries`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ code: 'XQ', name: 'Q-land', euMember: false, cbssMember: true }),
    });
    if (created.status !== 201) throw new Error(`could not create XQ: ${created.status} ${await created.text()}`);

    const fromSigterm: number[] = [];
    const toUnavailable: number[] = [];
    const slowestWhileDown: number[] = [];
    const toServing: number[] = [];
    const toHealthy: number[] = [];
    const firstMapTook: number[] = [];
    const bareFirst: number[] = [];
    for (let run = 1; run <= runs; run += 1) {
      const answers: Answer[] = [];
      const healthAnswers: Answer[] = [];
      let polling = true;
      const poll = async (url: string, into: Answer[]) => {
        while (polling) {
          const start = performance.now();
          const res = await fetch(url, { headers: { cookie } }).catch(() => undefined);
          await res?.arrayBuffer();
          into.push({ start, end: performance.now(), status: res?.status ?? 0 });
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      };
      // The reference: a bare driver asking Neo4j itself `RETURN 1` (how soon the restarted database answers at all).
      const bareAnswers: Answer[] = [];
      const bare = (async () => {
        const driver = neo4jDriver.driver(neo.uri, undefined, { connectionTimeout: 2_000, maxTransactionRetryTime: 0 });
        while (polling) {
          const start = performance.now();
          const status = await driver.executeQuery('RETURN 1').then(
            () => 200,
            () => 503,
          );
          bareAnswers.push({ start, end: performance.now(), status });
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await driver.close();
      })();
      const poller = Promise.all([
        poll(`${base}/api/graph?country=XQ`, answers),
        poll(`${base}/api/health`, healthAnswers),
        bare,
      ]);
      const waitFor = async (test: () => boolean, what: string) => {
        const end = performance.now() + 120_000;
        while (!test()) {
          if (performance.now() > end) throw new Error(`outage bench: ${what} not within 120 s`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      };
      await waitFor(() => answers.some((a) => a.status === 200), 'a first 200');

      const stopping = performance.now(); // SIGTERM: Neo4j shuts down
      await neo.stop();
      const stopped = performance.now(); // the Neo4j process has exited
      await waitFor(() => answers.some((a) => a.end >= stopped && a.status === 503), 'a 503');
      fromSigterm.push(answers.find((a) => a.end >= stopping && a.status === 503)!.end - stopping);
      const first503 = answers.find((a) => a.end >= stopped && a.status === 503)!;
      toUnavailable.push(Math.max(0, first503.end - stopped));

      await neo.start(); // resolves once Bolt accepts connections
      const accepting = performance.now();
      await waitFor(() => answers.some((a) => a.start >= accepting && a.status === 200), 'a 200 after the restart');
      const first200 = answers.find((a) => a.end >= accepting && a.status === 200)!;
      toServing.push(Math.max(0, first200.end - accepting));
      firstMapTook.push(first200.end - first200.start);
      await waitFor(
        () => healthAnswers.some((a) => a.end >= accepting && a.status === 200),
        'a health 200 after the restart',
      );
      toHealthy.push(Math.max(0, healthAnswers.find((a) => a.end >= accepting && a.status === 200)!.end - accepting));
      await waitFor(
        () => bareAnswers.some((a) => a.end >= accepting && a.status === 200),
        'a bare RETURN 1 after the restart',
      );
      bareFirst.push(Math.max(0, bareAnswers.find((a) => a.end >= accepting && a.status === 200)!.end - accepting));
      slowestWhileDown.push(
        Math.max(...answers.filter((a) => a.end >= stopping && a.start <= accepting).map((a) => a.end - a.start)),
      );
      const unexpected = answers.filter((a) => ![200, 503].includes(a.status)).map((a) => a.status);
      if (unexpected.length) console.error(`run ${run}: answers other than 200 and 503: ${unexpected.join(', ')}`);
      polling = false;
      await poller;
      console.error(
        `outage run ${run}/${runs}: 503 after ${ms(fromSigterm.at(-1)!)} from SIGTERM, ${ms(toUnavailable.at(-1)!)} from the exit, slowest answer while down ${ms(slowestWhileDown.at(-1)!)}, bare RETURN 1 after ${ms(bareFirst.at(-1)!)}, health 200 after ${ms(toHealthy.at(-1)!)}, map 200 after ${ms(toServing.at(-1)!)} (that answer took ${ms(firstMapTook.at(-1)!)})`,
      );
    }
    console.log(
      `\nOutage (Neo4j of its own, stopped and started again on the same port and data; median of ${runs} runs)\n`,
    );
    console.log('| what | median | worst | goal |\n|---|---:|---:|---:|');
    console.log(
      `| Neo4j told to stop (SIGTERM) -> first 503 store_unavailable | ${ms(medianOf(fromSigterm))} | ${ms(Math.max(...fromSigterm))} | - |`,
    );
    console.log(
      `| Neo4j stopped (process gone) -> first 503 store_unavailable | ${ms(medianOf(toUnavailable))} | ${ms(Math.max(...toUnavailable))} | < 2 s |`,
    );
    console.log(
      `| slowest map answer from SIGTERM until Bolt accepts again | ${ms(medianOf(slowestWhileDown))} | ${ms(Math.max(...slowestWhileDown))} | - |`,
    );
    console.log(
      `| Neo4j ready -> a bare driver's first RETURN 1 (the reference: Neo4j itself) | ${ms(medianOf(bareFirst))} | ${ms(Math.max(...bareFirst))} | - |`,
    );
    console.log(
      `| Neo4j ready (database serving, Bolt accepting) -> first health 200 | ${ms(medianOf(toHealthy))} | ${ms(Math.max(...toHealthy))} | < 5 s |`,
    );
    console.log(
      `| Neo4j ready (database serving, Bolt accepting) -> first map 200 | ${ms(medianOf(toServing))} | ${ms(Math.max(...toServing))} | < 5 s |`,
    );
    console.log(
      `| how long that first map answer took (a restarted Neo4j plans every query afresh) | ${ms(medianOf(firstMapTook))} | ${ms(Math.max(...firstMapTook))} | - |`,
    );
  } finally {
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    server?.closeAllConnections?.();
    await started.store.close();
    await neo.remove();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
