// Increments and returns the store version.
MERGE (m:FlowAtlasMeta { key: 'store_version' })
ON CREATE SET m.value = 0
SET m.value = m.value + 1
RETURN m.value AS value
