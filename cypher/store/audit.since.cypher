// The map changes stamped with a store version in ($after, $upTo], by store version, at most $limit.
// Entries an import staged and has not published (their seq in a range of an ImportRun node: stage.reserve) are left out.
OPTIONAL MATCH (run:ImportRun)
WITH collect(run.auditRanges) AS ranges
WITH reduce(p = [], r IN ranges | p + r) AS pending
MATCH (e:AuditEntry)
WHERE e.storeVersion > $after AND e.storeVersion <= $upTo AND (size(pending) = 0 OR NOT any(i IN range(0, size(pending) - 1, 4) WHERE pending[i] <= e.seq <= pending[i + 1]))
RETURN e { .storeVersion, .seq, .action, .kind, .key, .countries } AS row
ORDER BY e.storeVersion
LIMIT $limit
