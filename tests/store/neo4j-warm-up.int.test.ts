// The launcher's warm-up (scripts/neo4j WarmUp.java) runs an import's queries on the real database: while it runs,
// what it staged is what a staged import leaves (Staged labels, audit entries hidden by its run node's ranges), which no
// read query returns; a Neo4j killed in the middle of it starts again with the data it had and nothing of the warm-up
// but the app's schema (which the app applies at start-up too). Runs on Neo4j processes of its own (a fresh data folder,
// removed at the end), only where the test run could start one itself (the global set-up did).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { freePort } from '../support/own-neo4j';
import { noNeo4jTest } from '../support/test-neo4j';

const RUN = path.resolve(__dirname, '../../scripts/neo4j/run.mjs');
const SCHEMA = fs.readFileSync(path.resolve(__dirname, '../../cypher/schema.cypher'), 'utf8');
/** The names cypher/schema.cypher creates: its constraints, and every index (a constraint's own included). */
const SCHEMA_NAMES = {
  constraints: [...SCHEMA.matchAll(/^CREATE CONSTRAINT (\w+)/gm)].map((m) => m[1]!).sort(),
  indexes: [...SCHEMA.matchAll(/^CREATE (?:CONSTRAINT|INDEX) (\w+)/gm)].map((m) => m[1]!).sort(),
};
const DEADLINE_MS = 900_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `npm run neo4j` (scripts/neo4j/run.mjs) with its data in base/neo4j, warmed up or not; not awaited. */
function launch(
  base: string,
  port: number,
  warmUp: boolean,
): { child: ChildProcess; exited: Promise<void>; output: () => string } {
  const child = spawn(process.execPath, [RUN], {
    env: {
      ...process.env,
      NEO4J_BOLT_PORT: String(port),
      DATA_DIR: base,
      NEO4J_WARM_UP: warmUp ? '1' : '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const add = (chunk: Buffer) => {
    output += String(chunk);
  };
  child.stdout.on('data', add);
  child.stderr.on('data', add);
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { child, exited, output: () => output };
}

/** Started and ready: its Bolt URI and the warm-up's time as the launcher printed it (undefined without one). */
async function ready(run: ReturnType<typeof launch>): Promise<{ uri: string; warmUpMs?: number }> {
  const deadline = Date.now() + DEADLINE_MS;
  for (;;) {
    const match = /^Neo4j ready at (bolt:\/\/\S+) \(data in [^\n]*?(?:, JIT warm-up (\d+) ms)?\)$/m.exec(run.output());
    if (match) return { uri: match[1]!, ...(match[2] ? { warmUpMs: Number(match[2]) } : {}) };
    if (run.child.exitCode !== null || Date.now() > deadline) throw new Error(`Neo4j did not start:\n${run.output()}`);
    await sleep(100);
  }
}

async function stop(run: ReturnType<typeof launch>): Promise<void> {
  if (run.child.exitCode === null) run.child.kill('SIGTERM');
  await run.exited;
}

/** Every node's labels, and the indexes and constraints, of the database at uri. */
async function contents(uri: string): Promise<{ labels: string[][]; indexes: string[]; constraints: string[] }> {
  const driver = neo4j.driver(uri);
  const session = driver.session();
  try {
    const labels = (await session.run('MATCH (n) RETURN labels(n) AS l')).records.map((r) => r.get('l') as string[]);
    const indexes = (await session.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name")).records
      .map((r) => r.get('name') as string)
      .sort();
    const constraints = (await session.run('SHOW CONSTRAINTS YIELD name')).records
      .map((r) => r.get('name') as string)
      .sort();
    return { labels, indexes, constraints };
  } finally {
    await session.close();
    await driver.close();
  }
}

/**
 * The nodes of the database at uri that a reader could meet, but those named `kept`: any but the warm-up's staged items
 * (Staged labels), its run node, the audit entries in that node's ranges, and the audit sequence's counter. Also how
 * many items it has staged so far.
 */
async function visible(uri: string, kept: string): Promise<{ visible: string[][]; staged: number }> {
  const driver = neo4j.driver(uri);
  try {
    const { records } = await driver.executeQuery(
      `OPTIONAL MATCH (run:ImportRun) WITH collect(run) AS runs
       MATCH (n)
       WITH n, n:ImportRun OR (n:FlowAtlasMeta AND n.key = 'audit_seq')
         OR any(l IN labels(n) WHERE l STARTS WITH 'Staged')
         OR (n:AuditEntry AND any(r IN runs WHERE any(i IN range(0, size(r.auditRanges) - 1, 4)
           WHERE r.auditRanges[i] <= n.seq <= r.auditRanges[i + 1]))) AS warmUp
       RETURN [n IN collect(CASE WHEN NOT warmUp AND NOT n:${kept} THEN n END) | labels(n)] AS visible,
         size([n IN collect(CASE WHEN warmUp AND NOT n:FlowAtlasMeta THEN n END) | n]) AS staged`,
    );
    return { visible: records[0]!.get('visible') as string[][], staged: Number(records[0]!.get('staged')) };
  } finally {
    await driver.close();
  }
}

/** The pid of the java process that `parent` (node scripts/neo4j/run.mjs) started, once there is one. */
async function childPid(parent: number, deadline: number): Promise<number> {
  while (Date.now() < deadline) {
    const children = fs.readFileSync(`/proc/${parent}/task/${parent}/children`, 'utf8').trim();
    if (children) return Number(children.split(' ')[0]);
    await sleep(50);
  }
  throw new Error('the launcher did not start java');
}

if (process.env.FLOW_ATLAS_TEST_NEO4J === '1' && process.platform === 'linux') {
  describe('the Neo4j launcher warm-up', () => {
    jest.setTimeout(3 * DEADLINE_MS);
    let base: string;

    beforeEach(() => {
      base = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-warm-up-'));
    });
    afterEach(() => {
      fs.rmSync(base, { recursive: true, force: true });
    });

    test('while Neo4j warms up, then no reader meets what it staged; when it is killed meanwhile, then it starts again with the data it had and no node of the warm-up', async () => {
      const warmUpDir = path.join(base, 'neo4j', 'warm-up');

      // The data it had: one node, written with no warm-up.
      let run = launch(base, await freePort(), false);
      try {
        const { uri, warmUpMs } = await ready(run);
        expect(warmUpMs).toBeUndefined();
        const driver = neo4j.driver(uri);
        await driver.executeQuery('CREATE (:Kept {name: $name})', { name: 'before' });
        await driver.close();
      } finally {
        await stop(run);
      }

      // Watched (Bolt answers while the warm-up runs) until it has staged items, then killed (SIGKILL, the JVM run.mjs
      // started) while they are there. An earlier version's throw-away database, left by a kill, is removed too.
      fs.mkdirSync(path.join(warmUpDir, 'data'), { recursive: true });
      const port = await freePort();
      run = launch(base, port, true);
      let seen = { visible: [] as string[][], staged: 0 };
      try {
        const deadline = Date.now() + DEADLINE_MS;
        const java = await childPid(run.child.pid!, deadline);
        while (seen.staged < 1000 && Date.now() < deadline && !/Neo4j ready/.test(run.output())) {
          seen = await visible(`bolt://127.0.0.1:${port}`, 'Kept').catch(() => seen); // not listening yet
          expect(seen.visible).toEqual([]);
          await sleep(100);
        }
        process.kill(java, 'SIGKILL');
      } finally {
        await stop(run); // run.mjs exits when its Neo4j does
      }
      expect(seen.staged).toBeGreaterThanOrEqual(1000); // killed with what it staged in the database

      // Started again, warm-up and all: the data it had, and the app's schema.
      run = launch(base, await freePort(), true);
      try {
        const { uri, warmUpMs } = await ready(run);
        expect(warmUpMs).toBeGreaterThan(0);
        expect(fs.existsSync(warmUpDir)).toBe(false);
        expect(await contents(uri)).toEqual({ labels: [['Kept']], ...SCHEMA_NAMES });
      } finally {
        await stop(run);
      }
    });
  });
} else {
  noNeo4jTest();
}
