// Makes the staged audit entries of an import visible when they already hold their final sequence numbers ($first to
// $last, every number in between the import's) and store version: a relabelling, no property written; returns how many.
MATCH (a:StagedAuditEntry)
WHERE $first <= a.seq <= $last
SET a:AuditEntry
REMOVE a:StagedAuditEntry
RETURN count(a) AS value
