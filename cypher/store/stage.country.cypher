// Stages created Country nodes of an import ($import) under the label StagedCountry, which no read query matches:
// $rows are lists of the properties at the positions named here (null where absent, which sets nothing; the adapter
// reads the positions from this CREATE pattern). publish.country makes them Country nodes.
// CYPHER replan=skip: planned once (server/store/neo4j/staging.ts, prepareStaging), not again in mid-import.
CYPHER replan=skip
UNWIND $rows AS row
CREATE (:StagedCountry {
  code: row[0], name: row[1], euMember: row[2], cbssMember: row[3], illustrative: row[4],
  version: row[5], updatedAt: row[6], updatedBy: row[7], _import: $import
})
