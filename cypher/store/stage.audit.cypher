// Stages audit entries of an import ($entries: lists [ord, at, actor, action, kind, key, countries, before, after],
// before and after as JSON strings or null, which sets nothing) under the label StagedAuditEntry; publish.audit
// numbers them (from their order `_ord`) when the import commits.
UNWIND $entries AS e
CREATE (a:StagedAuditEntry {
  at: e[1], actor: e[2], action: e[3], kind: e[4], key: e[5], countries: e[6], before: e[7], after: e[8],
  _ord: e[0], _import: $import
})
