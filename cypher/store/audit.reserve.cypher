// Reserves $count audit sequence numbers; returns the last one reserved (the node lock orders writers).
MERGE (m:FlowAtlasMeta { key: 'audit_seq' })
ON CREATE SET m.value = 0
SET m.value = m.value + $count
RETURN m.value AS value
