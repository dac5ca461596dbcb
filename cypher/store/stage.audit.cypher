// Stages audit entries of an import ($entries: lists [seq, at, actor, action, kind, key, countries, before, after],
// before and after as JSON strings or null, which sets nothing) under the label StagedAuditEntry, with the sequence
// numbers stage.reserve reserved and the store version it returned ($storeVersion): publish.audit then only relabels
// them. The import's entries are those whose seq lies in its run node's auditRanges (no property to remove later).
UNWIND $entries AS e
CREATE (:StagedAuditEntry {
  seq: e[0], at: e[1], actor: e[2], action: e[3], kind: e[4], key: e[5], countries: e[6], before: e[7], after: e[8],
  storeVersion: $storeVersion
})
