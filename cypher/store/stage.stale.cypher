// The imports whose staged items may be removed: not touched since $before (epoch ms), or all when $before is null.
MATCH (r:ImportRun)
WHERE $before IS NULL OR r.touchedAt < $before
RETURN r.id AS value
