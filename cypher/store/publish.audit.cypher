// How many audit entries an import staged with their final sequence numbers ($first to $last, every number in between
// the import's) and store version: they become visible when publish.run removes its run node, in the same transaction.
// CYPHER replan=skip: planned once (server/store/neo4j/staging.ts, prepareStaging), not again in mid-import.
CYPHER replan=skip
MATCH (a:AuditEntry)
WHERE $first <= a.seq <= $last
RETURN count(a) AS value
