// Makes the staged Interview nodes of an import ($import) visible; returns how many.
// CYPHER replan=skip: planned once (server/store/neo4j/staging.ts, prepareStaging), not again in mid-import.
CYPHER replan=skip
MATCH (n:StagedInterview { _import: $import })
SET n:Interview
REMOVE n:StagedInterview, n._import
RETURN count(n) AS value
