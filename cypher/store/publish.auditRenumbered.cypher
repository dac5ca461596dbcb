// The staged audit entries of an import when another write took sequence numbers (or a store version) after they were
// staged: each range of $ranges ([first seq, last seq, first order, store version]) is numbered again from $first in the
// entries' order (seq = $first + order - $minOrd) and stamped with $storeVersion; returns how many. They become visible
// when publish.run removes the run node whose ranges hid them, in the same transaction.
// CYPHER replan=skip: planned once (server/store/neo4j/staging.ts, prepareStaging), not again in mid-import.
CYPHER replan=skip
UNWIND $ranges AS r
MATCH (a:AuditEntry)
WHERE r[0] <= a.seq <= r[1]
SET a.seq = $first + r[2] + (a.seq - r[0]) - $minOrd, a.storeVersion = $storeVersion
RETURN count(a) AS value
