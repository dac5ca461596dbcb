// Makes the staged audit entries of an import ($import) visible: sequence numbers from $first in their
// order, stamped with the store version the import commits as ($storeVersion); returns how many.
MATCH (a:StagedAuditEntry { _import: $import })
SET a:AuditEntry, a.seq = $first + a._ord, a.storeVersion = $storeVersion
REMOVE a:StagedAuditEntry, a._import, a._ord
RETURN count(a) AS value
