// The map changes stamped with a store version in ($after, $upTo], by store version, at most $limit.
MATCH (e:AuditEntry)
WHERE e.storeVersion > $after AND e.storeVersion <= $upTo
RETURN e { .storeVersion, .seq, .action, .kind, .key, .countries } AS row
ORDER BY e.storeVersion
LIMIT $limit
