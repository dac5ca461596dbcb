// A Neo4j of the test's (or benchmark's) own: scripts/neo4j/run.mjs (startNeo4j of neo4j.mjs) in a child
// process, on a free port and a fresh data folder, that can be stopped and started again on the same port
// and data (outage tests), and removed with its data at the end. A child process because Jest cannot
// import the launcher's ES module itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const RUN = resolve(__dirname, '../../scripts/neo4j/run.mjs');
const READY_TIMEOUT_MS = 240_000;
const STOP_TIMEOUT_MS = 60_000;

/** A free TCP port on 127.0.0.1, as the OS gives one. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

export class OwnNeo4j {
  private child?: ChildProcess;
  private exited?: Promise<void>;

  private constructor(
    readonly port: number,
    readonly dataDir: string,
    private readonly warmUp: boolean,
  ) {}

  /**
   * A free port and a fresh data folder; not started yet. warmUp: as `npm run neo4j` starts by default, its JIT warmed
   * on a throw-away database first (scripts/neo4j WarmUp.java; a benchmark measuring what a user gets); tests start
   * without it.
   */
  static async allocate({ warmUp = false }: { warmUp?: boolean } = {}): Promise<OwnNeo4j> {
    return new OwnNeo4j(await freePort(), mkdtempSync(join(tmpdir(), 'fa-own-neo4j-')), warmUp);
  }

  get uri(): string {
    return `bolt://127.0.0.1:${this.port}`;
  }

  /** Starts Neo4j on this port and data folder; resolves once Bolt accepts connections. */
  async start(): Promise<void> {
    if (this.child) return;
    const child = spawn(process.execPath, [RUN], {
      env: {
        ...process.env,
        NEO4J_BOLT_PORT: String(this.port),
        DATA_DIR: this.dataDir,
        NEO4J_WARM_UP: this.warmUp ? '1' : '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((done) => child.on('exit', () => done()));
    let output = '';
    await new Promise<void>((done, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`Neo4j not ready within ${READY_TIMEOUT_MS / 1000} s:\n${output}`)),
        READY_TIMEOUT_MS,
      );
      const watch = (chunk: Buffer) => {
        output = (output + String(chunk)).slice(-4000);
        if (/^Neo4j ready at bolt:\/\/\S+ \(auth off/m.test(output)) {
          clearTimeout(timer);
          done();
        }
      };
      child.stdout.on('data', watch);
      child.stderr.on('data', watch);
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        fail(new Error(`Neo4j exited before it was ready (${signal ?? code}):\n${output}`));
      });
    }).catch(async (err: unknown) => {
      await this.stop();
      throw err;
    });
  }

  /** Stops it (SIGTERM: a clean shutdown) and waits for the process to end; the data folder stays. */
  async stop(): Promise<void> {
    const { child, exited } = this;
    this.child = undefined;
    if (!child || !exited) return;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(killer);
  }

  /** Stops it and deletes its data folder. */
  async remove(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
