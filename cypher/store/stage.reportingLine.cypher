// Stages created REPORTS_TO relationships of an import ($import) whose both ends are stakeholders it staged: $rows are
// lists, the ids of the two ends (from, to) first, then the properties at the positions named here (null where absent;
// the adapter reads the positions from this text). Visible when its ends are published.
// CYPHER replan=skip: planned once (server/store/neo4j/staging.ts, prepareStaging), not again in mid-import.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:StagedStakeholder { _import: $import, id: row[0] }), (b:StagedStakeholder { _import: $import, id: row[1] })
CREATE (a)-[r:REPORTS_TO { id: row[2], kind: row[3], evidence: row[4], version: row[5], updatedAt: row[6], updatedBy: row[7] }]->(b)
RETURN count(r) AS value
