// Reserves $count audit sequence numbers; returns the last one reserved (the node lock orders writers).
// CYPHER replan=skip: an index seek on the meta_key constraint at any size: not planned again when an import changes
// the statistics (as in a staged import's publishing transaction, after its staging).
CYPHER replan=skip
MERGE (m:FlowAtlasMeta { key: 'audit_seq' })
ON CREATE SET m.value = 0
SET m.value = m.value + $count
RETURN m.value AS value
