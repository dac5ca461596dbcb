// Stages created SHARES_WITH relationships of an import ($import) whose both ends are stakeholders it staged: $rows are
// lists, the ids of the two ends (from, to) first, then the properties at the positions named here (null where absent,
// which sets nothing; the adapter reads the positions from this text). No read query reaches a staged node, so the
// relationship becomes visible when its ends are published.
// CYPHER replan=skip: planned once (server/store/neo4j/staging.ts, prepareStaging), not again in mid-import.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:StagedStakeholder { _import: $import, id: row[0] }), (b:StagedStakeholder { _import: $import, id: row[1] })
CREATE (a)-[r:SHARES_WITH {
  id: row[2], indicators: row[3], basis: row[4], trigger: row[5], frequency: row[6], granularity: row[7],
  personalData: row[8], channel: row[9], latencyDays: row[10], status: row[11], personDependent: row[12],
  evidence: row[13], confidence: row[14], since: row[15], note: row[16],
  version: row[17], updatedAt: row[18], updatedBy: row[19]
}]->(b)
RETURN count(r) AS value
