// Jest global tear-down: stops the Neo4j that the set-up started, and removes its data folder.
import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const handle = (globalThis as Record<string, unknown>).__NEO4J__ as { stop(): Promise<void>; dataDir: string } | undefined;
  if (!handle) return;
  await handle.stop();
  fs.rmSync(handle.dataDir, { recursive: true, force: true });
}
