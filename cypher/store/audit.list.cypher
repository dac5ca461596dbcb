// Audit entries, newest first, filtered by kind, key, actor, country and bounds on seq (each optional).
MATCH (e:AuditEntry)
WHERE ($kind IS NULL OR e.kind = $kind)
  AND ($key IS NULL OR e.key = $key)
  AND ($actor IS NULL OR e.actor = $actor)
  AND ($country IS NULL OR $country IN coalesce(e.countries, []))
  AND ($after IS NULL OR e.seq > $after)
  AND ($before IS NULL OR e.seq < $before)
RETURN e { .* } AS row
ORDER BY e.seq DESC
LIMIT $limit
