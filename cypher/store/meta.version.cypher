// The store version: incremented once by every committed write.
OPTIONAL MATCH (m:FlowAtlasMeta { key: 'store_version' })
RETURN coalesce(m.value, 0) AS value
