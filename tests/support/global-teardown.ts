// Jest global tear-down: stops the Neo4j that global-setup.ts started and deletes its data folder.
import { rmSync } from 'node:fs';
import type { Neo4jTestHandle } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as { __NEO4J__?: Neo4jTestHandle };
  const neo4j = holder.__NEO4J__;
  if (!neo4j) return;
  holder.__NEO4J__ = undefined;
  // Forget the URI too, so a watch-mode re-run starts a new server instead of using this dead one.
  delete process.env.NEO4J_URI;
  delete process.env.FLOW_ATLAS_TEST_NEO4J;
  try {
    await neo4j.stop();
  } finally {
    rmSync(neo4j.dataDir, { recursive: true, force: true });
  }
}
