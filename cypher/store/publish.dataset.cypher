// Makes the staged Dataset nodes of an import ($import) visible; returns how many.
// CYPHER replan=skip: planned once (server/store/neo4j/staging.ts, prepareStaging), not again in mid-import.
CYPHER replan=skip
MATCH (n:StagedDataset { _import: $import })
SET n:Dataset
REMOVE n:StagedDataset, n._import
RETURN count(n) AS value
