// Stages created Stakeholder nodes of an import ($import) under the label StagedStakeholder, which no read query
// matches: $rows are lists of the properties at the positions named here (null where absent, which sets nothing; the
// adapter reads the positions from this CREATE pattern). publish.stakeholder makes them Stakeholder nodes.
// CYPHER replan=skip: planned once (server/store/neo4j/staging.ts, prepareStaging), not again in mid-import.
CYPHER replan=skip
UNWIND $rows AS row
CREATE (:StagedStakeholder {
  id: row[0], name: row[1], country: row[2], type: row[3], level: row[4], ncp: row[5], description: row[6],
  contactEmail: row[7], contactPhone: row[8], contactUrl: row[9], tags: row[10], sector: row[11],
  version: row[12], updatedAt: row[13], updatedBy: row[14], _import: $import
})
