// Notes that an import ($import) is alive (epoch ms $now), in a transaction of its own before each staged batch: the
// start-up clean-up removes only the staged items of imports not touched for a while.
// CYPHER replan=skip: planned once (server/store/neo4j/staging.ts, prepareStaging), not again in mid-import.
CYPHER replan=skip
MERGE (r:ImportRun { id: $import })
ON CREATE SET r.startedAt = $now
SET r.touchedAt = $now
