// Removes the run node of an import ($import) when it is published: the audit entries it staged (in the auditRanges
// the run node listed) become visible with it.
// CYPHER replan=skip: planned once (server/store/neo4j/staging.ts, prepareStaging), not again in mid-import.
CYPHER replan=skip
MATCH (r:ImportRun { id: $import })
DELETE r
