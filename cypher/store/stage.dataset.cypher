// Stages created Dataset nodes of an import ($rows) under the label StagedDataset, with the HOLDS link from
// the holder (visible, or staged by the same import $import) and COVERS links to indicators.
UNWIND $rows AS row
CREATE (d:StagedDataset)
SET d = row, d._import = $import
WITH d, row
CALL {
  WITH d, row
  OPTIONAL MATCH (v:Stakeholder { id: row.holder })
  OPTIONAL MATCH (s:StagedStakeholder { id: row.holder, _import: $import })
  WITH d, coalesce(v, s) AS holder
  WHERE holder IS NOT NULL
  CREATE (holder)-[:HOLDS]->(d)
}
WITH d, row
UNWIND row.indicators AS code
MATCH (i:Indicator { code: code })
CREATE (d)-[:COVERS]->(i)
