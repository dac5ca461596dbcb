// The audit ranges an import ($import) reserved (stage.reserve): a flat list of [first seq, last seq, first order,
// store version] per staged batch, empty when it staged no audit entry.
// CYPHER replan=skip: planned once (server/store/neo4j/staging.ts, prepareStaging), not again in mid-import.
CYPHER replan=skip
OPTIONAL MATCH (r:ImportRun { id: $import })
RETURN coalesce(r.auditRanges, []) AS value
