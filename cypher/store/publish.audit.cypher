// How many audit entries an import staged with their final sequence numbers ($first to $last, every number in between
// the import's) and store version: they become visible when publish.run removes its run node, in the same transaction.
MATCH (a:AuditEntry)
WHERE $first <= a.seq <= $last
RETURN count(a) AS value
