// Stages audit entries of an import ($entries: lists [seq, at, actor, action, kind, key, countries, before, after],
// before and after as JSON strings or null, which sets nothing) as AuditEntry nodes with the sequence numbers
// stage.reserve reserved and the store version it returned ($storeVersion). Readers do not see them while the import's
// run node lists their numbers in its auditRanges (stage.reserve records them before the batch): publishing them is
// removing the run node (publish.run), which writes nothing on the entries. Their indexes are filled here, in the
// staging transactions, not at the publishing transaction's commit.
// CYPHER replan=skip: planned once (server/store/neo4j/staging.ts, prepareStaging), not again in mid-import.
CYPHER replan=skip
UNWIND $entries AS e
CREATE (:AuditEntry {
  seq: e[0], at: e[1], actor: e[2], action: e[3], kind: e[4], key: e[5], countries: e[6], before: e[7], after: e[8],
  storeVersion: $storeVersion
})
