// Audit entries, newest first, filtered by kind, key, actor and a lower bound on seq (each optional).
MATCH (e:AuditEntry)
WHERE ($kind IS NULL OR e.kind = $kind)
  AND ($key IS NULL OR e.key = $key)
  AND ($actor IS NULL OR e.actor = $actor)
  AND ($after IS NULL OR e.seq > $after)
RETURN e { .* } AS row
ORDER BY e.seq DESC
LIMIT $limit
