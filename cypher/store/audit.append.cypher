// Appends audit entries ($entries: { seq, at, actor, action, kind, key, before, after } with JSON strings).
UNWIND $entries AS e
CREATE (a:AuditEntry)
SET a = e
