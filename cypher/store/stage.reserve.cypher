// Before a batch of an import's ($import) audit entries is staged, in a transaction of its own: notes the import alive
// (epoch ms $now), reserves the sequence numbers of the batch ($count, for the orders from $ord) and records them on the
// import's run node as [first seq, last seq, first order, store version] in `auditRanges` (publish.audit and
// stage.release read them). Returns the first number and the store version the import commits as if it is published
// before any other write (the current one + 1): the entries are staged with their final values, so that publishing
// them only relabels them, unless another write came in between.
// CYPHER replan=skip: planned once (server/store/neo4j/staging.ts, prepareStaging), not again in mid-import.
CYPHER replan=skip
MERGE (r:ImportRun { id: $import })
ON CREATE SET r.startedAt = $now
SET r.touchedAt = $now
WITH r
MERGE (m:FlowAtlasMeta { key: 'audit_seq' })
ON CREATE SET m.value = 0
SET m.value = m.value + $count
WITH r, m.value - $count + 1 AS first
OPTIONAL MATCH (v:FlowAtlasMeta { key: 'store_version' })
WITH r, first, coalesce(v.value, 0) + 1 AS storeVersion
SET r.auditRanges = coalesce(r.auditRanges, []) + [first, first + $count - 1, $ord, storeVersion]
RETURN [first, storeVersion] AS value
