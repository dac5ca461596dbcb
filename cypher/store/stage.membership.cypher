// Stages created MEMBER_OF relationships of an import ($import) between a stakeholder and a network it staged: $rows are
// lists, the ids of the two ends (stakeholder, network) first, then the properties at the positions named here (null
// where absent; the adapter reads the positions from this text). Visible when its ends are published.
UNWIND $rows AS row
MATCH (s:StagedStakeholder { _import: $import, id: row[0] }), (n:StagedNetwork { _import: $import, id: row[1] })
CREATE (s)-[m:MEMBER_OF { role: row[2], version: row[3], updatedAt: row[4], updatedBy: row[5] }]->(n)
RETURN count(m) AS value
