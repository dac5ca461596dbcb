// The launcher's JIT warm-up (scripts/neo4j WarmUp.java) writes only to a throw-away database of its own: a Neo4j
// that was killed in the middle of it starts again with the data it had, and no node, index or constraint of the
// warm-up ever appears in the real database, nor its folder afterwards. Runs on Neo4j processes of its own (a fresh
// data folder, removed at the end), only where the test run could start one itself (the global set-up did).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { freePort } from '../support/own-neo4j';
import { noNeo4jTest } from '../support/test-neo4j';

const RUN = path.resolve(__dirname, '../../scripts/neo4j/run.mjs');
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
    const indexes = (await session.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name")).records.map(
      (r) => r.get('name') as string,
    );
    const constraints = (await session.run('SHOW CONSTRAINTS YIELD name')).records.map((r) => r.get('name') as string);
    return { labels, indexes, constraints };
  } finally {
    await session.close();
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

    test('when Neo4j is killed during its warm-up, then it starts again with the data it had and nothing of the warm-up: no node, index, constraint or folder', async () => {
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

      // Killed (SIGKILL, the JVM run.mjs started) while the warm-up is writing its throw-away database.
      run = launch(base, await freePort(), true);
      try {
        const deadline = Date.now() + DEADLINE_MS;
        const java = await childPid(run.child.pid!, deadline);
        while (!fs.existsSync(path.join(warmUpDir, 'data')) && Date.now() < deadline) await sleep(50);
        expect(fs.existsSync(path.join(warmUpDir, 'data'))).toBe(true);
        process.kill(java, 'SIGKILL');
      } finally {
        await stop(run); // run.mjs exits when its Neo4j does
      }
      expect(fs.existsSync(warmUpDir)).toBe(true); // what the killed warm-up left

      // Started again, warm-up and all: the data it had, nothing else.
      run = launch(base, await freePort(), true);
      try {
        const { uri, warmUpMs } = await ready(run);
        expect(warmUpMs).toBeGreaterThan(0);
        expect(fs.existsSync(warmUpDir)).toBe(false);
        expect(await contents(uri)).toEqual({ labels: [['Kept']], indexes: [], constraints: [] });
      } finally {
        await stop(run);
      }
    });
  });
} else {
  noNeo4jTest();
}
