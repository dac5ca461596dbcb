// Stages created Interview nodes of an import ($import) under the label StagedInterview, with their INTERVIEWED link
// to the stakeholder (row[2]: visible, or staged by the same import). $rows are lists of the properties at the
// positions named in the CREATE pattern (null where absent; the adapter reads the positions from it).
// CYPHER replan=skip: planned once (server/store/neo4j/staging.ts, prepareStaging), not again in mid-import.
CYPHER replan=skip
UNWIND $rows AS row
CREATE (n:StagedInterview {
  id: row[0], date: row[1], stakeholder: row[2], interviewer: row[3], round: row[4], notes: row[5],
  version: row[6], updatedAt: row[7], updatedBy: row[8], _import: $import
})
WITH n, row
OPTIONAL MATCH (v:Stakeholder { id: row[2] })
OPTIONAL MATCH (s:StagedStakeholder { _import: $import, id: row[2] })
WITH n, coalesce(v, s) AS target
WHERE target IS NOT NULL
CREATE (n)-[:INTERVIEWED]->(target)
