// `npm run bench`: benchmarks (not timed tests); every figure is the median of several runs.
//   npm run bench [-- --runs 5] [--countries 13] [--stakeholders 1000] [--only store|analysis|plan|spreadsheet|report|outage|upload|concurrency|load|soak|scale|events] [--soak-seconds 60]
// Store: seeding, exporting and the map graph on SQLite and, when NEO4J_URI is set, on Neo4j (which it clears).
// Analysis: building the flow graph from a snapshot and each analysis, for the seed region and a synthetic one;
// then resilience and both plans where the plans have work to do (plan-bench.ts; `--only plan`: that part alone).
// Report: building the country profile and the regional report, their HTML, and the PDF (when Chromium is there).
// Outage: a Neo4j of its own stopped and started again: time to the first 503 and back to 200 (outage-bench.ts).
// Upload: a CSV of a million rows and a lying ZIP against an in-process server: refusal time, other requests, memory.
// Concurrency: 24 clients read-modify-write one flow through two app instances (concurrency-bench.ts): none lost.
// Load: 50 connections for 10 s on each of four endpoints, both stores (load-bench.ts); soak: the four mixed, memory sampled.
// Spreadsheet: writing XLSX and CSV, previewing and importing them (SQLite), for the seed region and a synthetic one.
// Events: 200 open change feeds' memory and their effect on other requests, a change's way to every stream (and to
// another app instance on Neo4j), a client that stops reading dropped (events-bench.ts; `--runs 3`: about 3 minutes).
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { bottlenecks } from '../../server/analysis/bottlenecks/bottlenecks';
import { compare } from '../../server/analysis/compare/compare';
import { coverageMatrix } from '../../server/analysis/coverage/coverage';
import { buildFlowGraph, nationalCountries, type FlowGraph } from '../../server/analysis/flow-graph';
import { ncpPosition } from '../../server/analysis/ncp/position';
import { PLAN_GOALS, plan } from '../../server/analysis/plan/plan';
import { resilience } from '../../server/analysis/resilience/resilience';
import { suggestions } from '../../server/analysis/suggestions/suggestions';
import { graphOf } from '../../server/services/graph-view';
import { importSpreadsheet } from '../../server/services/spreadsheet-import';
import { toCsvZip, toXlsx, type UploadFormat } from '../../server/tabular';
import type { MapDocument } from '../../server/model';
import { buildCountryReport } from '../../server/reports/country';
import { renderReportHtml } from '../../server/reports/html';
import { closePdfRenderer, htmlToPdf } from '../../server/reports/pdf';
import { buildRegionalReport } from '../../server/reports/regional';
import fs from 'node:fs';
import { CoreGraphStore } from '../../server/store/core';
import { Neo4jAdapter } from '../../server/store/neo4j/adapter';
import { SqliteAdapter } from '../../server/store/sqlite/adapter';
import type { GraphStore, Snapshot } from '../../server/store/port';
import { readCatalogue, seedStore } from '../../seed/loader';
import { concurrencyBenchmarks } from './concurrency-bench';
import { eventsBenchmarks } from './events-bench';
import { loadBenchmarks, soakBenchmark } from './load-bench';
import { outageBenchmarks } from './outage-bench';
import { planBenchmarks } from './plan-bench';
import { scaleBenchmarks } from './scale-bench';
import { uploadBenchmarks } from './upload-bench';
import { syntheticRegion } from './synthetic';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: process.env.BENCH_RUNS ?? '5' },
    countries: { type: 'string', default: '13' },
    stakeholders: { type: 'string', default: '1000' },
    only: { type: 'string' },
    'soak-seconds': { type: 'string', default: '60' },
  },
});
const RUNS = Number(args.runs);

export async function median(runs: number, fn: () => unknown, before?: () => Promise<void>): Promise<number> {
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

type Table = { columns: string[]; rows: Map<string, Map<string, string>> };
const table = (): Table => ({ columns: [], rows: new Map() });
function put(t: Table, row: string, column: string, ms: number): void {
  if (!t.columns.includes(column)) t.columns.push(column);
  if (!t.rows.has(row)) t.rows.set(row, new Map());
  t.rows.get(row)!.set(column, ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`);
}
function print(title: string, t: Table): void {
  console.log(`\n${title}\n\n| what | ${t.columns.join(' | ')} |\n|---|${t.columns.map(() => '---:').join('|')}|`);
  for (const [row, cells] of t.rows)
    console.log(`| ${row} | ${t.columns.map((c) => cells.get(c) ?? '-').join(' | ')} |`);
}

async function benchStore(
  t: Table,
  column: string,
  open: () => Promise<GraphStore>,
  reset: (s: GraphStore) => Promise<GraphStore>,
) {
  let store = await open();
  put(
    t,
    'seed the region into an empty store',
    column,
    await median(
      RUNS,
      () => seedStore(store, { maps: true }),
      async () => {
        store = await reset(store);
      },
    ),
  );
  put(t, 'seed again (nothing changes)', column, await median(RUNS, () => seedStore(store, { maps: true })));
  put(t, 'export the region', column, await median(RUNS, () => store.exportDocument({})));
  put(t, 'export one country (SE)', column, await median(RUNS, () => store.exportDocument({ country: 'SE' })));
  put(t, 'map graph of one country (SE)', column, await median(RUNS, () => graphOf(store, 'SE')));
  put(t, 'snapshot of the region (what analyses read)', column, await median(RUNS, () => store.snapshot({})));
  await store.close();
}

async function storeBenchmarks(): Promise<void> {
  const t = table();
  const sqlite = async () => {
    const s = new CoreGraphStore(new SqliteAdapter(':memory:'));
    await s.init();
    return s;
  };
  await benchStore(t, 'SQLite', sqlite, async (s) => {
    await s.close();
    return sqlite();
  });
  const uri = process.env.NEO4J_URI;
  if (uri) {
    const adapter = new Neo4jAdapter({
      uri,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      database: process.env.NEO4J_DATABASE ?? 'neo4j',
    });
    const neo = new CoreGraphStore(adapter);
    await neo.init();
    await benchStore(
      t,
      'Neo4j',
      async () => neo,
      async (s) => {
        await adapter.clear();
        return s;
      },
    );
  } else {
    console.error(
      'Neo4j not measured: set NEO4J_URI (e.g. after `npm run neo4j`) to include it; that database is cleared.',
    );
  }
  print('Store', t);
}

/** Every analysis of every national country: what "the region analysed" means. */
function analyseRegion(fg: FlowGraph): void {
  coverageMatrix(fg);
  for (const c of nationalCountries(fg)) {
    bottlenecks(fg, c);
    ncpPosition(fg, c);
    suggestions(fg, c);
  }
  compare(fg);
}

async function analysisColumn(
  t: Table,
  column: string,
  snapshot: Pick<Snapshot, 'document' | 'catalogue'>,
): Promise<void> {
  const build = () => buildFlowGraph(snapshot.document, snapshot.catalogue);
  put(t, 'build the flow graph from a snapshot', column, await median(RUNS, build));
  // Every other measurement starts from a fresh flow graph (built outside the timing), so that
  // nothing memoised on a graph by an earlier run is reused.
  let fg: FlowGraph = build();
  const fresh = async () => {
    fg = build();
  };
  const countries = nationalCountries(fg);
  const measure = async (row: string, fn: () => unknown) => put(t, row, column, await median(RUNS, fn, fresh));
  await measure('coverage matrix (all countries x 32 indicators)', () => coverageMatrix(fg));
  await measure('bottlenecks, one country', () => bottlenecks(fg, countries[0]!));
  await measure('bottlenecks, every country', () => countries.forEach((c) => bottlenecks(fg, c)));
  await measure('NCP metrics, every country', () => countries.forEach((c) => ncpPosition(fg, c)));
  await measure('suggestions, every country', () => countries.forEach((c) => suggestions(fg, c)));
  await measure('comparison of every country', () => compare(fg));
  // ANALYSIS.md §6 on the first country (for the synthetic region: 1,000 stakeholders; routes may cross the whole region).
  const first = countries[0]!;
  await measure('resilience of every indicator, one country', () => resilience(fg, first));
  for (const goal of PLAN_GOALS) {
    const made = plan(build(), first, goal, 20);
    console.error(
      `${column}: plan ${goal} of ${first}, budget 20: ${made.steps.length} steps${made.steps.length < 20 ? ' (then the best gain was 0)' : ''}`,
    );
    await measure(
      `plan ${goal}, budget 20, one country (cold: a fresh flow graph, its coverage, suggestions or resilience computed inside)`,
      () => plan(fg, first, goal, 20),
    );
    // As the service answers it: close_gaps is handed the suggestions already computed.
    let known: ReturnType<typeof suggestions>['suggestions'] = [];
    const warm = async () => {
      fg = build();
      known = suggestions(fg, first).suggestions;
      resilience(fg, first);
    };
    put(
      t,
      `plan ${goal}, budget 20, one country (after its suggestions and resilience)`,
      column,
      await median(RUNS, () => plan(fg, first, goal, 20, goal === 'close_gaps' ? known : undefined), warm),
    );
  }
  put(
    t,
    'the whole region analysed (graph + all of the above)',
    column,
    await median(RUNS, () => analyseRegion(build())),
  );
}

async function analysisBenchmarks(): Promise<void> {
  const t = table();
  const store = new CoreGraphStore(new SqliteAdapter(':memory:'));
  await store.init();
  await seedStore(store, { maps: true });
  await analysisColumn(t, 'seed region (10 countries, 235 stakeholders)', await store.snapshot({}));
  await store.close();
  const countries = Number(args.countries);
  const perCountry = Number(args.stakeholders);
  const t0 = performance.now();
  const document = syntheticRegion({ countries, stakeholdersPerCountry: perCountry, seed: 1 });
  console.error(
    `generated ${countries} x ${perCountry} stakeholders, ${document.flows.length} flows in ${(performance.now() - t0).toFixed(0)} ms`,
  );
  await analysisColumn(
    t,
    `synthetic (${countries} x ${perCountry.toLocaleString('en')} stakeholders, ${document.flows.length.toLocaleString('en')} flows)`,
    { document, catalogue: readCatalogue() as Snapshot['catalogue'] },
  );
  print('Analysis (one core)', t);
  planBenchmarks(RUNS, countries, perCountry);
}

/** An empty in-memory store with the catalogue (what a first import meets). */
async function catalogueStore(): Promise<GraphStore> {
  const store = new CoreGraphStore(new SqliteAdapter(':memory:'));
  await store.init();
  await seedStore(store, { maps: false });
  return store;
}

async function spreadsheetColumn(t: Table, column: string, document: MapDocument): Promise<void> {
  const indicators = readCatalogue().indicators as Array<{ code: string; name: string }>;
  put(t, 'write XLSX', column, await median(RUNS, () => toXlsx(document, indicators)));
  put(t, 'write CSV (ZIP)', column, await median(RUNS, () => toCsvZip(document, indicators)));
  const files: Record<UploadFormat, Buffer> = {
    xlsx: await toXlsx(document, indicators),
    zip: Buffer.from(toCsvZip(document, indicators)),
    csv: Buffer.alloc(0),
  };
  console.error(
    `${column}: XLSX ${(files.xlsx.length / 1e6).toFixed(1)} MB, CSV ZIP ${(files.zip.length / 1e6).toFixed(1)} MB`,
  );
  let store = await catalogueStore();
  const fresh = async () => {
    await store.close();
    store = await catalogueStore();
  };
  for (const format of ['xlsx', 'zip'] as const) {
    const label = format === 'xlsx' ? 'XLSX' : 'CSV';
    const run = (dryRun: boolean) =>
      importSpreadsheet(store, { format, data: files[format] }, { mode: 'merge', dryRun, actor: 'bench' });
    put(
      t,
      `preview ${label} (read, parse, validate; nothing written)`,
      column,
      await median(RUNS, () => run(true), fresh),
    );
    put(t, `import ${label} into an empty store`, column, await median(RUNS, () => run(false), fresh));
  }
  await store.close();
}

async function spreadsheetBenchmarks(): Promise<void> {
  const t = table();
  const seeded = new CoreGraphStore(new SqliteAdapter(':memory:'));
  await seeded.init();
  await seedStore(seeded, { maps: true });
  await spreadsheetColumn(t, 'seed region', await seeded.exportDocument({}));
  await seeded.close();
  const countries = Math.min(Number(args.countries), 3);
  const perCountry = Number(args.stakeholders);
  const document = syntheticRegion({ countries, stakeholdersPerCountry: perCountry, seed: 1 });
  await spreadsheetColumn(
    t,
    `synthetic (${countries} x ${perCountry.toLocaleString('en')} stakeholders, ${document.flows.length.toLocaleString('en')} flows)`,
    document,
  );
  print('Spreadsheets (SQLite in memory)', t);
}

async function reportBenchmarks(): Promise<void> {
  const t = table();
  const store = new CoreGraphStore(new SqliteAdapter(':memory:'));
  await store.init();
  await seedStore(store, { maps: true });
  const snapshot = await store.snapshot({});
  await store.close();
  const input = {
    document: snapshot.document,
    catalogue: snapshot.catalogue,
    round: null,
    storeVersion: snapshot.storeVersion,
    generatedAt: new Date().toISOString(),
  };
  const country = buildCountryReport(input, 'SE');
  const region = buildRegionalReport(input);
  put(
    t,
    'build the report from the map (analyses included)',
    'country profile (SE)',
    await median(RUNS, () => buildCountryReport(input, 'SE')),
  );
  put(
    t,
    'build the report from the map (analyses included)',
    'regional report',
    await median(RUNS, () => buildRegionalReport(input)),
  );
  put(
    t,
    'render HTML',
    'country profile (SE)',
    await median(RUNS, () => renderReportHtml(country, { standalone: true })),
  );
  put(t, 'render HTML', 'regional report', await median(RUNS, () => renderReportHtml(region, { standalone: true })));
  if (fs.existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
    const html = {
      country: renderReportHtml(country, { standalone: true }),
      region: renderReportHtml(region, { standalone: true }),
    };
    await htmlToPdf(html.country, { title: country.title }); // starts the browser, outside the timing
    put(
      t,
      'print to PDF (browser already running)',
      'country profile (SE)',
      await median(RUNS, () => htmlToPdf(html.country, { title: country.title })),
    );
    put(
      t,
      'print to PDF (browser already running)',
      'regional report',
      await median(RUNS, () => htmlToPdf(html.region, { title: region.title })),
    );
    await closePdfRenderer();
  } else {
    console.error('PDF not measured: no Chromium (set CHROMIUM_PATH)');
  }
  print('Reports (seed region)', t);
}

async function main(): Promise<void> {
  console.log(`Median of ${RUNS} runs; ${new Date().toISOString().slice(0, 10)}; Node ${process.version}`);
  if (!args.only || args.only === 'store') await storeBenchmarks();
  if (!args.only || args.only === 'analysis') await analysisBenchmarks();
  if (args.only === 'plan') planBenchmarks(RUNS, Number(args.countries), Number(args.stakeholders));
  if (!args.only || args.only === 'spreadsheet') await spreadsheetBenchmarks();
  if (!args.only || args.only === 'report') await reportBenchmarks();
  if (!args.only || args.only === 'outage') await outageBenchmarks(RUNS);
  if (!args.only || args.only === 'upload') await uploadBenchmarks(RUNS);
  if (!args.only || args.only === 'concurrency') await concurrencyBenchmarks(RUNS);
  if (!args.only || args.only === 'load') await loadBenchmarks();
  if (!args.only || args.only === 'soak') await soakBenchmark(Number(args['soak-seconds']));
  if (!args.only || args.only === 'scale')
    await scaleBenchmarks(Number(args.countries), Number(args.stakeholders), RUNS);
  if (!args.only || args.only === 'events') await eventsBenchmarks(RUNS);
}

void main();
