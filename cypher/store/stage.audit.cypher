// Stages audit entries of an import ($entries: the entry without seq and storeVersion, with its order `_ord`)
// under the label StagedAuditEntry; publish.audit numbers them when the import commits.
UNWIND $entries AS e
CREATE (a:StagedAuditEntry)
SET a = e, a._import = $import
