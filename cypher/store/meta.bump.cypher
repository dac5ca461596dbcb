// Increments and returns the store version.
// CYPHER replan=skip: an index seek on the meta_key constraint at any size: not planned again when an import changes
// the statistics (as in a staged import's publishing transaction, after its staging).
CYPHER replan=skip
MERGE (m:FlowAtlasMeta { key: 'store_version' })
ON CREATE SET m.value = 0
SET m.value = m.value + 1
RETURN m.value AS value
