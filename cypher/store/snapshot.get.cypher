// The store version and its mark (the last audit entry of that version: its seq and time), and the kept whole-store
// snapshot (stored-snapshot.ts) when it is of this format, of a version up to the store's and of this store's history:
// its version's last audit entry is still the one it was kept with (a store cleared and filled again is not);
// its gzipped lists only when $withData.
OPTIONAL MATCH (m:FlowAtlasMeta { key: 'store_version' })
WITH coalesce(m.value, 0) AS current
CALL {
  WITH current
  OPTIONAL MATCH (e:AuditEntry)
  WHERE e.storeVersion = current
  WITH e ORDER BY e.seq DESC LIMIT 1
  RETURN coalesce(toString(e.seq) + '@' + e.at, '') AS mark
}
OPTIONAL MATCH (s:FlowAtlasSnapshot { key: 'whole' })
WHERE s.format = $format AND s.storeVersion <= current
CALL {
  WITH s
  OPTIONAL MATCH (e:AuditEntry)
  WHERE e.storeVersion = s.storeVersion
  WITH e ORDER BY e.seq DESC LIMIT 1
  RETURN coalesce(toString(e.seq) + '@' + e.at, '') AS keptMark
}
WITH current, mark, CASE WHEN s.mark = keptMark THEN s END AS kept
RETURN [current, mark, kept.storeVersion, CASE WHEN $withData THEN kept.data END] AS row
