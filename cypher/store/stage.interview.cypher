// Stages created Interview nodes of an import ($rows) under the label StagedInterview, with their INTERVIEWED
// link to the stakeholder (visible, or staged by the same import $import).
UNWIND $rows AS row
CREATE (n:StagedInterview)
SET n = row, n._import = $import
WITH n, row
OPTIONAL MATCH (v:Stakeholder { id: row.stakeholder })
OPTIONAL MATCH (s:StagedStakeholder { id: row.stakeholder, _import: $import })
WITH n, coalesce(v, s) AS target
WHERE target IS NOT NULL
CREATE (n)-[:INTERVIEWED]->(target)
