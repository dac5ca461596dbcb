// Flow Atlas: `npm run neo4j` — a local Neo4j for development (port NEO4J_BOLT_PORT, data in DATA_DIR/neo4j), its
// JIT and plan cache warmed before it says it is ready (NEO4J_WARM_UP=0: not): an import's queries run on the database
// itself (WarmUp.java, nothing left behind), then an import's parameters sent through Bolt (neo4j.mjs, warmUpBolt).
import { join, resolve } from 'node:path';
import { startNeo4j } from './neo4j.mjs';

const port = Number(process.env.NEO4J_BOLT_PORT ?? 7687);
const dataDir = join(resolve(process.env.DATA_DIR ?? './data'), 'neo4j');

if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`NEO4J_BOLT_PORT must be a port number, got "${process.env.NEO4J_BOLT_PORT}"`);
  process.exit(2);
}

let neo4j;
try {
  neo4j = await startNeo4j({
    port,
    dataDir,
    log: (line) => console.error(line),
    warmUp: process.env.NEO4J_WARM_UP !== '0',
  });
} catch (error) {
  console.error(`Could not start Neo4j: ${error.message}`);
  process.exit(1);
}

console.log(`Neo4j ready at ${neo4j.uri} (auth off; stop with Ctrl+C)`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.error('Stopping Neo4j...');
    await neo4j.stop();
    process.exit(0);
  });
}
neo4j.process.on('exit', (code, signal) => {
  if (stopping) return;
  console.error(`Neo4j exited unexpectedly (${signal ?? `exit code ${code}`})`);
  process.exit(1);
});
