// Makes the staged Stakeholder nodes of an import ($import) visible; returns how many.
// CYPHER replan=skip: planned once (server/store/neo4j/staging.ts, prepareStaging), not again in mid-import.
CYPHER replan=skip
MATCH (n:StagedStakeholder { _import: $import })
SET n:Stakeholder
REMOVE n:StagedStakeholder, n._import
RETURN count(n) AS value
