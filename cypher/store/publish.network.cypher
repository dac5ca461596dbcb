// Makes the staged Network nodes of an import ($import) visible; returns how many.
// CYPHER replan=skip: planned once (server/store/neo4j/staging.ts, prepareStaging), not again in mid-import.
CYPHER replan=skip
MATCH (n:StagedNetwork { _import: $import })
SET n:Network
REMOVE n:StagedNetwork, n._import
RETURN count(n) AS value
