// The audit entries of some items of one kind ($kind, $keys), oldest first: what an import merges a stale item against.
MATCH (e:AuditEntry)
WHERE e.kind = $kind AND e.key IN $keys
RETURN e { .* } AS row
ORDER BY e.seq
