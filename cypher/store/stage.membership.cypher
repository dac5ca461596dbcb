// Stages created MEMBER_OF relationships of an import ($import) between a stakeholder and a network it staged: $rows are
// lists, the ids of the two ends (stakeholder, network) first, then the properties at the positions named here (null
// where absent; the adapter reads the positions from this text). Visible when its ends are published.
// CYPHER replan=skip: planned once (server/store/neo4j/staging.ts, prepareStaging), not again in mid-import.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (s:StagedStakeholder { _import: $import, id: row[0] }), (n:StagedNetwork { _import: $import, id: row[1] })
CREATE (s)-[m:MEMBER_OF { role: row[2], version: row[3], updatedAt: row[4], updatedBy: row[5] }]->(n)
RETURN count(m) AS value
