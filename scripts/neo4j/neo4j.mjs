// Flow Atlas: builds (once) and starts the embedded Neo4j launcher in scripts/neo4j/ for development and tests.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_DIR = dirname(fileURLToPath(import.meta.url)); // <repo>/scripts/neo4j
const POM = join(PROJECT_DIR, 'pom.xml');
const SOURCES = ['Neo4jLauncher.java', 'WarmUp.java'].map((file) =>
  join(PROJECT_DIR, 'src/main/java/org/flowatlas', file),
);
const CLASSES = join(PROJECT_DIR, 'target/classes');
const CLASSPATH_FILE = join(PROJECT_DIR, 'target/classpath.txt');
/** The app's schema and queries, which the launcher's warm-up applies and runs on the database (WarmUp.java). */
const CYPHER_DIR = resolve(PROJECT_DIR, '../../cypher');
const READY_TIMEOUT_MS = 180_000;
/** With the warm-up, which on 2 busy cores has taken minutes (51-235 s at load 6-20). */
const WARM_READY_TIMEOUT_MS = 900_000;
const STOP_TIMEOUT_MS = 30_000;
const JVM_OPTIONS = [
  // A fixed 1 GiB heap (dbms.memory.transaction.total.max defaults to 70% of it, 717 MiB: a region's publishing
  // transaction fits), taken at start: a big import's transactions otherwise grow it from 128 MiB step by step, with a
  // collection each time.
  '-Xms1g',
  '-Xmx1g',
  // As in Neo4j's own neo4j.conf: lets the page cache and native file access skip slow fallbacks.
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dlog4j2.disable.jmx=true',
];

/** True when an executable `tool` is on the PATH (a lookup, not a spawn: `mvn -version` costs a JVM start). */
function toolExists(tool) {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .some((dir) => {
      try {
        accessSync(join(dir, tool), constants.X_OK);
        return statSync(join(dir, tool)).isFile();
      } catch {
        return false;
      }
    });
}

/** Throws an Error with code NEO4J_TOOLS_MISSING unless java and mvn are on the PATH. */
export function checkTools() {
  const missing = ['java', 'mvn'].filter((tool) => !toolExists(tool));
  if (missing.length > 0) {
    const error = new Error(`Neo4j needs ${missing.join(' and ')} on the PATH (Java 17 and Maven)`);
    error.code = 'NEO4J_TOOLS_MISSING';
    throw error;
  }
}

const LAUNCHER_CLASS = join(CLASSES, 'org/flowatlas/Neo4jLauncher.class');

/** Fresh when the compiled class and classpath.txt (touched after each good build) postdate pom and source. */
function isBuildFresh() {
  if (!existsSync(LAUNCHER_CLASS) || !existsSync(CLASSPATH_FILE)) return false;
  const builtAt = Math.min(statSync(LAUNCHER_CLASS).mtimeMs, statSync(CLASSPATH_FILE).mtimeMs);
  return builtAt > Math.max(statSync(POM).mtimeMs, ...SOURCES.map((file) => statSync(file).mtimeMs));
}

/** Compiles the launcher and writes its dependency classpath; skipped when up to date. */
export async function buildLauncher(log = () => {}) {
  if (isBuildFresh()) return;
  log('Building the Neo4j launcher with Maven (the first run downloads about 160 MB)...');
  const args = [
    '-q',
    '-B',
    '-f',
    POM,
    'compile',
    'dependency:build-classpath',
    '-Dmdep.outputFile=target/classpath.txt',
  ];
  const output = [];
  const code = await new Promise((done, fail) => {
    const mvn = spawn('mvn', args, { cwd: PROJECT_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    mvn.stdout.on('data', (chunk) => output.push(chunk));
    mvn.stderr.on('data', (chunk) => output.push(chunk));
    mvn.on('error', fail);
    mvn.on('close', done);
  });
  if (code !== 0) {
    const tail = Buffer.concat(output).toString().trim().split('\n').slice(-30).join('\n');
    throw new Error(`Maven build of the Neo4j launcher failed (exit ${code}):\n${tail}`);
  }
  // Maven may leave unchanged outputs untouched; mark this build as done.
  const now = new Date();
  utimesSync(LAUNCHER_CLASS, now, now);
  utimesSync(CLASSPATH_FILE, now, now);
}

/** Asks the OS for a free TCP port on 127.0.0.1. */
export async function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** Rows of `n` lists of the kinds of values the app's staging sends (server/store/neo4j/staging.ts). */
function stagedShapes(neo4j, n, offset) {
  const at = '2026-01-01T00:00:00.000Z';
  const items = [];
  const audit = [];
  for (let i = offset; i < offset + n; i++) {
    const id = `warm-up-${i}`;
    items.push([
      id,
      `warm-up-${i + 1}`,
      `f${i}`,
      ['I1', 'I2'],
      'law',
      null,
      'monthly',
      'national',
      i % 7 === 0,
      'api',
      neo4j.int(i % 30),
      'active',
      false,
      'observed',
      'high',
      '2020',
      null,
      neo4j.int(1),
      at,
      'import',
    ]);
    audit.push([
      neo4j.int(i),
      at,
      'import',
      'create',
      'flow',
      id,
      ['SE', 'NO'],
      null,
      JSON.stringify({ id, from: `s${i}`, to: `s${i + 1}`, indicators: ['I1'], status: 'active', version: 1 }),
    ]);
  }
  return { items, audit };
}

/**
 * Bolt's side of the warm-up, after the launcher's (WarmUp.java, which runs the queries in the JVM and so never decodes
 * a Bolt message): the import's parameters, as many lists of lists of strings, numbers, booleans and nulls, sent in
 * write transactions of two sessions at once to a query that only counts them. Nothing is written; the JVM compiles
 * its Bolt and PackStream decoding here rather than during the first import.
 */
async function warmUpBolt(uri) {
  const { default: neo4j } = await import('neo4j-driver');
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', ''));
  try {
    const lane = async (which) => {
      const session = driver.session({ database: 'neo4j' });
      try {
        for (let round = 0; round < 6; round++) {
          const { items, audit } = stagedShapes(neo4j, 5_000, (round * 2 + which) * 5_000);
          await session.executeWrite((tx) =>
            tx.run('RETURN size($rows) + size($entries) AS n', { rows: items, entries: audit }),
          );
        }
      } finally {
        await session.close();
      }
    };
    await Promise.all([lane(0), lane(1)]);
  } finally {
    await driver.close();
  }
}

/**
 * Starts Neo4j with Bolt on 127.0.0.1:port (auth off), data in dataDir.
 * Resolves to { uri, stop, process, warmUpMs } once the database is ready (warmUpMs: the launcher's and Bolt's parts).
 * warmUp (run.mjs, `npm run neo4j`, sets it unless NEO4J_WARM_UP=0): before it is ready, the database gets the app's
 * schema and runs a staged import's queries, whose staged items it then removes (WarmUp.java), so that the first
 * import does not plan its queries nor run them on a cold JIT; then the import's parameters go through Bolt
 * (warmUpBolt) before it resolves.
 */
export async function startNeo4j({ port, dataDir, log = () => {}, warmUp = false }) {
  checkTools();
  await buildLauncher(log);
  const dataPath = resolve(dataDir);
  const classpath = [CLASSES, readFileSync(CLASSPATH_FILE, 'utf8').trim()].join(delimiter);
  const child = spawn(
    'java',
    [
      ...JVM_OPTIONS,
      '-cp',
      classpath,
      'org.flowatlas.Neo4jLauncher',
      '--port',
      String(port),
      '--data',
      dataPath,
      '--exit-on-stdin-eof',
      ...(warmUp ? ['--warm-up', CYPHER_DIR] : []),
    ],
    { cwd: PROJECT_DIR, stdio: ['pipe', 'pipe', 'pipe'] },
  );

  const stderrLines = [];
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text) => {
    for (const line of text.split('\n')) if (line.trim()) stderrLines.push(line);
    stderrLines.splice(0, Math.max(0, stderrLines.length - 20));
  });
  const exited = new Promise((done) => child.on('exit', (code, signal) => done({ code, signal })));
  const stderrClosed = new Promise((done) => child.stderr.on('close', done));

  let warmUpMs;
  child.stderr.on('data', (text) => {
    const match = /^NEO4J_WARM_UP (\d+) ms$/m.exec(text);
    if (match) warmUpMs = Number(match[1]);
  });
  let stdoutBuffer = '';
  let uri;
  const readyTimeoutMs = warmUp ? WARM_READY_TIMEOUT_MS : READY_TIMEOUT_MS;
  try {
    uri = await new Promise((done, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`Neo4j not ready within ${readyTimeoutMs / 1000} s`)),
        readyTimeoutMs,
      );
      child.on('error', (error) => {
        clearTimeout(timer);
        fail(error);
      });
      exited.then(({ code, signal }) => {
        clearTimeout(timer);
        fail(new Error(`Neo4j exited before it was ready (${signal ?? `exit code ${code}`})`));
      });
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (text) => {
        stdoutBuffer += text;
        const match = /^NEO4J_READY (bolt:\/\/\S+)$/m.exec(stdoutBuffer);
        if (match) {
          clearTimeout(timer);
          done(match[1]);
        }
      });
    });
  } catch (error) {
    if (child.pid !== undefined) {
      // undefined when java could not be spawned at all
      child.kill('SIGKILL');
      await Promise.all([exited, stderrClosed]); // the last stderr lines explain the failure
    }
    const details = stderrLines.length ? `\n${stderrLines.join('\n')}` : '';
    throw new Error(`${error.message}${details}`);
  }

  if (warmUp) {
    const started = Date.now();
    try {
      await warmUpBolt(uri);
    } catch (error) {
      log(`Bolt warm-up skipped: ${error.message}`);
    }
    if (warmUpMs !== undefined) warmUpMs += Date.now() - started; // the launcher's part, then Bolt's
  }

  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(killer);
    })();
    return stopping;
  };
  log(`Neo4j ready at ${uri} (data in ${dataPath}${warmUpMs === undefined ? '' : `, JIT warm-up ${warmUpMs} ms`})`);
  return { uri, stop, process: child, warmUpMs };
}
