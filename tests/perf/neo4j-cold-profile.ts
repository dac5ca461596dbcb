// Profiles the cold reads at region scale on a Neo4j already holding a region (issue 11 point 5): PROFILE of each
// map query (rows, db hits, Neo4j's time), then the cold answers (map of a country, country list, coverage,
// compare), each from a fresh service, repeated, with the app's CPU time beside the wall time.
// Usage: NEO4J_URI=bolt://127.0.0.1:7687 npx tsx tests/perf/neo4j-cold-profile.ts [--country XA] [--runs 5]
//   [--only map,list,coverage,compare] [--profile]
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { AnalysisOptions } from '../../server/analysis/options';
import { AnalysisService } from '../../server/services/analysis';
import { MapView } from '../../server/services/graph-view';
import { createStore } from '../../server/store';
import { Executor, CYPHER_DIR } from '../../server/store/neo4j/executor';
import { readPlanOf } from '../../server/store/neo4j/entity-lists';
import { RELATIONSHIP_ENDS, CONTACT_FIELDS } from '../../server/store/neo4j/adapter';
import type { Kind } from '../../server/model';
import path from 'node:path';
import fs from 'node:fs';
import { cpuMs, medianOf } from './cpu-timing';

/** CPU time of the Neo4j process NEO4J_PID (its JVM), in ms; 0 when not given. */
function neo4jCpuMs(): number {
  const pid = process.env.NEO4J_PID;
  if (!pid) return 0;
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}

interface PlanNode {
  operatorType: string;
  rows: number;
  dbHits: number;
  time?: number;
  children: PlanNode[];
  arguments: Record<string, unknown>;
}

function printPlan(node: PlanNode, depth = 0): void {
  const details = (typeof node.arguments.Details === 'string' ? node.arguments.Details : '').slice(0, 90);
  console.log(`${'  '.repeat(depth)}${node.operatorType} rows=${node.rows} hits=${node.dbHits} ${details}`);
  for (const child of node.children) printPlan(child, depth + 1);
}

async function profile(uri: string, country: string): Promise<void> {
  const ex = new Executor({ uri, user: 'neo4j', password: '', database: 'neo4j' }, path.join(CYPHER_DIR, 'store'));
  const fields = (kind: Kind) => readPlanOf(kind, RELATIONSHIP_ENDS[kind], CONTACT_FIELDS, true).fields;
  const around = {
    stakeholder: fields('stakeholder'),
    flow: fields('flow'),
    reportingLine: fields('reportingLine'),
    dataset: fields('dataset'),
    interview: fields('interview'),
  };
  for (const kind of ['around', 'country', 'network', 'membership'] as const) {
    const params = kind === 'around' ? { country, ...around } : { country, fields: fields(kind) };
    const t = performance.now();
    const result = await ex.read(async (tx) => tx.run(`PROFILE ${ex.query(`map.${kind}`)}`, params));
    const ms = performance.now() - t;
    const plan = result.summary.profile as unknown as PlanNode;
    const total = (n: PlanNode): number => n.dbHits + n.children.reduce((s, c) => s + total(c), 0);
    console.log(
      `\nmap.${kind}: ${result.records.length} records, ${total(plan)} db hits, ${ms.toFixed(0)} ms wall, available after ${String(result.summary.resultAvailableAfter)} ms, consumed after ${String(result.summary.resultConsumedAfter)} ms`,
    );
    if (process.argv.includes('--plans')) printPlan(plan);
  }
  await ex.close();
}

async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('NEO4J_URI is required');
  const country = arg('country', 'XA');
  const runs = Number(arg('runs', '5'));
  const only = arg('only', 'map,list').split(',');
  if (process.argv.includes('--profile')) await profile(uri, country);
  const store = await createStore({
    dataDir: os.tmpdir(),
    neo4j: { uri, user: 'neo4j', password: '', database: 'neo4j' },
  });
  const w0 = performance.now();
  const d0 = neo4jCpuMs();
  if (!process.argv.includes('--no-warm-up')) await (store as { warmUp?: () => Promise<void> }).warmUp?.();
  console.log(`warm-up: wall ${(performance.now() - w0).toFixed(0)} ms, Neo4j CPU ${neo4jCpuMs() - d0} ms`);
  const options = AnalysisOptions.parse({});
  const answers: Record<string, () => Promise<unknown>> = {
    coverage: () => new AnalysisService(store).coverage(options),
    compare: () => new AnalysisService(store).compare(options),
    map: () => new MapView(store).graph(country, undefined),
    countryMap: () => store.countryMap(country),
    list: () => new MapView(store).countries(),
  };
  const figures = new Map<string, { wall: number[]; cpu: number[]; db: number[] }>();
  for (let run = 0; run < runs; run++) {
    for (const name of only) {
      const c0 = cpuMs();
      const d0 = neo4jCpuMs();
      const t0 = performance.now();
      const [answer, other] = name.split(':');
      await (other ? new MapView(store).graph(other, undefined) : answers[answer!]!());
      const f = figures.get(name) ?? { wall: [], cpu: [], db: [] };
      f.wall.push(performance.now() - t0);
      f.cpu.push(cpuMs() - c0);
      f.db.push(neo4jCpuMs() - d0);
      figures.set(name, f);
    }
  }
  for (const [name, f] of figures) {
    console.log(
      `${name}: wall ${medianOf(f.wall).toFixed(0)} ms (${f.wall.map((v) => v.toFixed(0)).join(' ')}), app CPU ${medianOf(f.cpu).toFixed(0)} ms (${f.cpu.map((v) => v.toFixed(0)).join(' ')}), Neo4j CPU ${medianOf(f.db).toFixed(0)} ms (${f.db.join(' ')}); load ${os.loadavg()[0]!.toFixed(1)}`,
    );
  }
  await store.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
