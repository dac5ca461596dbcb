// Audit entries, newest first, filtered by kind, key, actor, country and bounds on seq (each optional).
// Entries an import staged and has not published (their seq in a range of an ImportRun node: stage.reserve) are left out.
OPTIONAL MATCH (run:ImportRun)
WITH collect(run.auditRanges) AS ranges
WITH reduce(p = [], r IN ranges | p + r) AS pending
MATCH (e:AuditEntry)
WHERE ($kind IS NULL OR e.kind = $kind)
  AND ($key IS NULL OR e.key = $key)
  AND ($actor IS NULL OR e.actor = $actor)
  AND ($country IS NULL OR $country IN coalesce(e.countries, []))
  AND ($after IS NULL OR e.seq > $after)
  AND ($before IS NULL OR e.seq < $before)
  AND (size(pending) = 0 OR NOT any(i IN range(0, size(pending) - 1, 4) WHERE pending[i] <= e.seq <= pending[i + 1]))
RETURN e { .* } AS row
ORDER BY e.seq DESC
LIMIT $limit
