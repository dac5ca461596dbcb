// Jest global set-up for the Neo4j tests: starts a throw-away real Neo4j (scripts/neo4j) unless NEO4J_URI is set.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What global-teardown needs to clean up; kept on globalThis.__NEO4J__. */
export interface Neo4jTestHandle {
  uri: string;
  dataDir: string;
  stop: () => Promise<void>;
}

interface Neo4jModule {
  startNeo4j(options: { port: number; dataDir: string; log?: (line: string) => void }): Promise<{
    uri: string;
    stop: () => Promise<void>;
  }>;
  freePort(): Promise<number>;
}

const LAUNCHER = resolve(__dirname, '../../scripts/neo4j/neo4j.mjs');

// A real import() that TypeScript's CommonJS output does not turn into require().
// eslint-disable-next-line @typescript-eslint/no-implied-eval -- require() cannot load the .mjs launcher; this is the one way
const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<unknown>;

export default async function globalSetup(): Promise<void> {
  if (process.env.NEO4J_URI) return; // the tests use the given server

  let dataDir = mkdtempSync(join(tmpdir(), 'flow-atlas-neo4j-'));
  try {
    const { startNeo4j, freePort } = (await importModule(pathToFileURL(LAUNCHER).href)) as Neo4jModule;
    const started = Date.now();
    let neo4j: Awaited<ReturnType<Neo4jModule['startNeo4j']>> | undefined;
    // The free port is found by binding and releasing it: another process on the machine may take it before
    // Neo4j binds it. Then Neo4j says so and exits at once; try again on another port and a fresh folder.
    for (let attempt = 1; !neo4j; attempt++) {
      const port = await freePort();
      try {
        neo4j = await startNeo4j({ port, dataDir, log: (line) => process.stderr.write(`${line}\n`) });
      } catch (error) {
        if (attempt >= 3 || !/is not available/.test((error as Error).message)) throw error;
        process.stderr.write(`Neo4j could not bind port ${port} (taken meanwhile); trying another\n`);
        rmSync(dataDir, { recursive: true, force: true });
        dataDir = mkdtempSync(join(tmpdir(), 'flow-atlas-neo4j-'));
      }
    }
    process.stderr.write(
      `Neo4j for tests at ${neo4j.uri} (started in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
    );
    (globalThis as { __NEO4J__?: Neo4jTestHandle }).__NEO4J__ = { uri: neo4j.uri, dataDir, stop: neo4j.stop };
    // Jest workers are forked after global set-up and inherit this environment.
    process.env.NEO4J_URI = neo4j.uri;
    process.env.FLOW_ATLAS_TEST_NEO4J = '1';
    delete process.env.NEO4J_SKIP_REASON;
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    const err = error as Error & { code?: string };
    const reason = err.code === 'NEO4J_TOOLS_MISSING' ? err.message : `Neo4j did not start: ${err.message}`;
    if (process.env.REQUIRE_NEO4J === '1') {
      throw new Error(`REQUIRE_NEO4J=1 but no Neo4j is available. ${reason}`);
    }
    // One line for summaries (scripts/test.mjs); the banner shows everything.
    process.env.NEO4J_SKIP_REASON = reason
      .split('\n')
      .filter((line) => line.trim())
      .join(' | ')
      .slice(0, 500);
    const hint =
      err.code === 'NEO4J_TOOLS_MISSING'
        ? 'Install Java 17 and Maven, or set NEO4J_URI to a running Neo4j 5.'
        : 'Set NEO4J_URI to use a running Neo4j 5 instead.';
    const rule = '='.repeat(72);
    process.stderr.write(
      `\n${rule}\nNEO4J SKIPPED: ${reason}\nNeo4j tests will not run. ${hint}\n` +
        `Set REQUIRE_NEO4J=1 to make this an error.\n${rule}\n\n`,
    );
  }
}
