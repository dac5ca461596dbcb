// Stages created Dataset nodes of an import ($import) under the label StagedDataset, with the HOLDS link from the
// holder (row[2]: visible, or staged by the same import) and COVERS links to its indicators (row[3]). $rows are lists
// of the properties at the positions named in the CREATE pattern (null where absent; the adapter reads the positions
// from it).
// CYPHER replan=skip: planned once (server/store/neo4j/staging.ts, prepareStaging), not again in mid-import.
CYPHER replan=skip
UNWIND $rows AS row
CREATE (d:StagedDataset {
  id: row[0], name: row[1], holder: row[2], indicators: row[3], granularity: row[4], frequency: row[5],
  disaggregation: row[6], personalData: row[7], legalBasis: row[8], definitionAligned: row[9], since: row[10],
  notes: row[11], version: row[12], updatedAt: row[13], updatedBy: row[14], _import: $import
})
WITH d, row
CALL {
  WITH d, row
  OPTIONAL MATCH (v:Stakeholder { id: row[2] })
  OPTIONAL MATCH (s:StagedStakeholder { _import: $import, id: row[2] })
  WITH d, coalesce(v, s) AS holder
  WHERE holder IS NOT NULL
  CREATE (holder)-[:HOLDS]->(d)
}
WITH d, row
UNWIND row[3] AS code
MATCH (i:Indicator { code: code })
CREATE (d)-[:COVERS]->(i)
