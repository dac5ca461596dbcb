// The store version: incremented once by every committed write.
// CYPHER replan=skip: an index seek on the meta_key constraint at any size: not planned again when an import changes
// the statistics (as in a staged import's publishing transaction, after its staging).
CYPHER replan=skip
OPTIONAL MATCH (m:FlowAtlasMeta { key: 'store_version' })
RETURN coalesce(m.value, 0) AS value
