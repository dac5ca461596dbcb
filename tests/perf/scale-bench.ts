// Benchmark section `scale` (issue 11, points 4, 5, 7): the synthetic region (13 countries x 1,000 stakeholders by
// default, ~87k items) imported by the whole `npm run import` process into an empty embedded store and into a Neo4j
// of the bench's own (fresh data, free port, removed afterwards), with the import process's peak RSS (sampled
// from /proc every 20 ms), then the cold answers at region scale on both stores: coverage matrix, compare, the
// map of one 1,000-stakeholder country and the country list, each from a fresh service (no cache), after the
// warm-up a started server runs in the background (store.warmUp: Neo4j's query plans; nothing on SQLite).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { AnalysisOptions } from '../../server/analysis/options';
import { AnalysisService } from '../../server/services/analysis';
import { MapView } from '../../server/services/graph-view';
import { createStore, SQLITE_FILE } from '../../server/store';
import type { GraphStore } from '../../server/store/port';
import { OwnNeo4j } from '../support/own-neo4j';
import { syntheticRegion } from './synthetic';

const ROOT = path.resolve(__dirname, '../..');

/** `npm run import`'s node arguments (package.json), run without npm so that the import's own RSS is sampled. */
const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};
const IMPORT_ARGS = PACKAGE.scripts.import!.split(' ').slice(1);

/** Runs `npm run import` (node and its arguments directly); wall time, peak RSS, output. */
async function timedImport(
  file: string,
  env: Record<string, string>,
): Promise<{ ms: number; peakMB: number; ok: boolean; output: string }> {
  const started = performance.now();
  const { NEO4J_URI: _uri, ...inherited } = process.env;
  const child = spawn(process.execPath, [...IMPORT_ARGS, file], {
    cwd: ROOT,
    env: { ...inherited, ...env, LOG_LEVEL: 'error' },
  });
  let output = '';
  child.stdout.on('data', (d) => {
    output += String(d);
  });
  child.stderr.on('data', (d) => {
    output += String(d);
  });
  let peak = 0;
  const sample = setInterval(() => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peak = Math.max(peak, Number(m[1]) / 1024);
    } catch {
      /* exited */
    }
  }, 20);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(sample);
  return { ms: performance.now() - started, peakMB: peak, ok: code === 0, output: output.slice(-2000) };
}

/** After the cold answers: every stakeholder, flow and dataset of the document is in the store (else the bench fails). */
async function checkImported(store: GraphStore, doc: ReturnType<typeof syntheticRegion>, where: string): Promise<void> {
  for (const [kind, expected] of [
    ['stakeholder', doc.stakeholders.length],
    ['flow', doc.flows.length],
    ['dataset', doc.datasets.length],
  ] as const) {
    const found = (await store.list(kind)).length;
    if (found !== expected) throw new Error(`${where}: the import left ${found} ${kind} items of ${expected}`);
  }
}

async function cold(store: GraphStore, country: string): Promise<Record<string, number>> {
  const options = AnalysisOptions.parse({});
  const time = async (fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  // What a started server does in the background before its first request (startStore): Neo4j's query plans.
  const warm = store as GraphStore & { warmUp?: () => Promise<void> };
  return {
    'warm-up at start (background in the server: query plans)': await time(async () => {
      await warm.warmUp?.();
    }),
    'coverage matrix (cold)': await time(() => new AnalysisService(store).coverage(options)),
    'compare (cold)': await time(() => new AnalysisService(store).compare(options)),
    [`map of one country, ${country} (cold)`]: await time(() => new MapView(store).graph(country, undefined)),
    // As a viewer sees it (the flows carrying personal data counted apart), then as an editor (every flow).
    'country list, a viewer (cold)': await time(() => new MapView(store).countries()),
    'country list, an editor (cold)': await time(() =>
      new MapView(store).countries({ username: 'bench', role: 'editor', countries: [] }),
    ),
  };
}

export async function scaleBenchmarks(countries: number, stakeholders: number, runs = 1): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-scale-'));
  /** Each row's figures per column, one per run; printed as the median and the range. */
  const rows = new Map<string, Map<string, Array<number | string>>>();
  const put = (row: string, column: string, value: number | string) => {
    const cells = rows.get(row) ?? new Map<string, Array<number | string>>();
    rows.set(row, cells.set(column, [...(cells.get(column) ?? []), value]));
  };
  const unit = (row: string) => (row.startsWith('peak RSS') ? 'MB' : 'ms');
  const fmt = (v: number, u: string) => (u === 'MB' || v >= 100 ? `${v.toFixed(0)}` : v.toFixed(1));
  const cell = (row: string, values: Array<number | string> | undefined): string => {
    if (!values?.length) return '-';
    const failed = values.find((v) => typeof v === 'string');
    if (failed !== undefined) return String(failed);
    const sorted = (values as number[]).slice().sort((a, b) => a - b);
    const u = unit(row);
    const median = `${fmt(sorted[Math.floor(sorted.length / 2)]!, u)} ${u}`;
    return sorted.length > 1 ? `${median} (${fmt(sorted[0]!, u)}-${fmt(sorted[sorted.length - 1]!, u)})` : median;
  };
  const loads: number[] = [os.loadavg()[0]!];
  try {
    const doc = syntheticRegion({ countries, stakeholdersPerCountry: stakeholders, seed: 1 });
    const items = Object.values(doc)
      .filter(Array.isArray)
      .reduce((n, a) => n + (a as unknown[]).length, 0);
    const file = path.join(dir, 'region.json');
    fs.writeFileSync(file, JSON.stringify(doc));
    // The country with the most stakeholders (a national one, not the region's international bodies).
    const perCountry = new Map<string, number>();
    for (const s of doc.stakeholders) perCountry.set(s.country, (perCountry.get(s.country) ?? 0) + 1);
    const country = [...perCountry].filter(([c]) => c !== 'INT').sort((a, b) => b[1] - a[1])[0]![0];

    for (let run = 0; run < runs; run++) {
      // Each run imports into a new empty store of each kind: a new embedded folder, a new Neo4j.
      const dataDir = path.join(dir, `embedded-${run}`);
      fs.mkdirSync(dataDir);
      const embedded = await timedImport(file, { DATA_DIR: dataDir });
      put(
        'npm run import into an empty store (whole process)',
        'embedded',
        embedded.ok ? embedded.ms : `failed: ${embedded.output}`,
      );
      put('peak RSS of the import process', 'embedded', embedded.peakMB);
      if (!fs.existsSync(path.join(dataDir, SQLITE_FILE)))
        put('npm run import into an empty store (whole process)', 'embedded', 'no database written');
      if (embedded.ok) {
        const store = await createStore({ dataDir });
        for (const [row, v] of Object.entries(await cold(store, country))) put(row, 'embedded', v);
        await checkImported(store, doc, 'embedded');
        await store.close();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });

      // Started as `npm run neo4j` starts it: its JIT warmed on a throw-away database first.
      const neo = await OwnNeo4j.allocate({ warmUp: true });
      try {
        const starting = performance.now();
        await neo.start();
        put('Neo4j start-up, JIT warm-up included (to ready)', 'Neo4j', performance.now() - starting);
        const settings = { uri: neo.uri, user: 'neo4j', password: '', database: 'neo4j' };
        const imported = await timedImport(file, { NEO4J_URI: neo.uri, DATA_DIR: dir });
        put(
          'npm run import into an empty store (whole process)',
          'Neo4j',
          imported.ok ? imported.ms : `failed: ${imported.output.split('\n').filter(Boolean).slice(-1)[0]}`,
        );
        put('peak RSS of the import process', 'Neo4j', imported.peakMB);
        if (imported.ok) {
          const store = await createStore({ dataDir: dir, neo4j: settings });
          for (const [row, v] of Object.entries(await cold(store, country))) put(row, 'Neo4j', v);
          await checkImported(store, doc, 'Neo4j');
          await store.close();
        }
      } finally {
        await neo.remove();
      }
      loads.push(os.loadavg()[0]!);
    }
    console.log(
      `\nScale: ${countries} countries x ${stakeholders} stakeholders (${items.toLocaleString('en')} items, ${(fs.statSync(file).size / 1e6).toFixed(0)} MB JSON); median of ${runs} run(s) (range); load average ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)} on ${os.cpus().length} cores\n`,
    );
    console.log('| what | embedded | Neo4j |\n|---|---:|---:|');
    for (const [row, cells] of rows)
      console.log(`| ${row} | ${cell(row, cells.get('embedded'))} | ${cell(row, cells.get('Neo4j'))} |`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
