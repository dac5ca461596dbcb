// Everyone who has changed something, sorted.
MATCH (e:AuditEntry)
RETURN DISTINCT e.actor AS value
ORDER BY value
