// Increments and returns the round sequence (round ids and their order, newest first).
MERGE (m:FlowAtlasMeta { key: 'round_seq' })
ON CREATE SET m.value = 0
SET m.value = m.value + 1
RETURN m.value AS value
