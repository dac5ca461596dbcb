// Jest global set-up for the Neo4j tests: uses NEO4J_URI when set; otherwise starts a real Neo4j
// (scripts/neo4j) on a free port with a throw-away data folder. When that is impossible, the run
// fails if REQUIRE_NEO4J=1, else it says so loudly and the Neo4j tests report the skip.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

interface Neo4jModule {
  startNeo4j(o: { port: number; dataDir: string; log?: (l: string) => void }): Promise<{ uri: string; stop(): Promise<void> }>;
  freePort(): Promise<number>;
}

// A real dynamic import, which TypeScript's CommonJS output would otherwise turn into require().
const importModule = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<unknown>;

export default async function globalSetup(): Promise<void> {
  if (process.env.NEO4J_URI) return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-test-neo4j-'));
  try {
    const mod = (await importModule(pathToFileURL(path.resolve(__dirname, '../../scripts/neo4j/neo4j.mjs')).href)) as Neo4jModule;
    const port = await mod.freePort();
    const started = Date.now();
    const neo4j = await mod.startNeo4j({ port, dataDir, log: (line) => process.stderr.write(`${line}\n`) });
    process.stderr.write(`\nNeo4j for tests at ${neo4j.uri} (started in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    process.env.NEO4J_URI = neo4j.uri;
    process.env.FLOW_ATLAS_TEST_NEO4J = '1';
    (globalThis as Record<string, unknown>).__NEO4J__ = { stop: neo4j.stop, dataDir };
  } catch (err) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    const reason = err instanceof Error ? err.message : String(err);
    if (process.env.REQUIRE_NEO4J === '1') {
      throw new Error(`REQUIRE_NEO4J=1 but Neo4j could not be started: ${reason}`);
    }
    process.env.NEO4J_SKIP_REASON = reason.split('\n')[0];
    process.stderr.write(`\n${'!'.repeat(78)}\nNEO4J SKIPPED: ${reason}\n${'!'.repeat(78)}\n`);
  }
}
