// Takes the sign-in throttle's lock (a write on one meta node), so that the counts of every app instance
// on this database are read and written one step at a time.
MERGE (m:FlowAtlasMeta { key: 'throttle_lock' })
ON CREATE SET m.value = 0
SET m.value = m.value + 1
RETURN m.value AS value
