// Everyone who has changed something, sorted.
// Entries an import staged and has not published (their seq in a range of an ImportRun node: stage.reserve) are left out.
OPTIONAL MATCH (run:ImportRun)
WITH collect(run.auditRanges) AS ranges
WITH reduce(p = [], r IN ranges | p + r) AS pending
MATCH (e:AuditEntry)
WHERE (size(pending) = 0 OR NOT any(i IN range(0, size(pending) - 1, 4) WHERE pending[i] <= e.seq <= pending[i + 1]))
RETURN DISTINCT e.actor AS value
ORDER BY value
