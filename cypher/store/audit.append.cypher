// Appends audit entries ($entries: { seq, at, actor, action, kind, key, countries, before, after, storeVersion? } with before and after as JSON strings).
UNWIND $entries AS e
CREATE (a:AuditEntry)
SET a = e
