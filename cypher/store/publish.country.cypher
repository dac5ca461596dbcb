// Makes the staged Country nodes of an import ($import) visible; returns how many.
// CYPHER replan=skip: planned once (server/store/neo4j/staging.ts, prepareStaging), not again in mid-import.
CYPHER replan=skip
MATCH (n:StagedCountry { _import: $import })
SET n:Country
REMOVE n:StagedCountry, n._import
RETURN count(n) AS value
