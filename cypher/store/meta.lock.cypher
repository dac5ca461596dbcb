// Takes the map's write lock: a write to the store-version node, first thing in every map write
// transaction. Under read-committed isolation a version read is not locked, so two writers could both
// pass the same check; with this lock the second waits here, then reads what the first committed.
// CYPHER replan=skip: an index seek on the meta_key constraint at any size: not planned again when an import changes
// the statistics (as in a staged import's publishing transaction, after its staging).
CYPHER replan=skip
MERGE (m:FlowAtlasMeta { key: 'store_version' })
ON CREATE SET m.value = 0
SET m._lock = true
RETURN m.value AS value
