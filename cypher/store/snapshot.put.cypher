// Keeps the whole-store snapshot of $storeVersion with its $mark (snapshot.get), unless the store is no more at a
// version this one can lead to (cleared meanwhile: its version is lower), or one of a later version (not later than
// the store's) of this format and of this history (its mark) is kept already.
OPTIONAL MATCH (m:FlowAtlasMeta { key: 'store_version' })
WITH coalesce(m.value, 0) AS current
WHERE $storeVersion <= current
MERGE (s:FlowAtlasSnapshot { key: 'whole' })
WITH s, current
WHERE s.storeVersion IS NULL OR s.format <> $format OR s.storeVersion < $storeVersion OR s.storeVersion > current
  OR (s.storeVersion = $storeVersion AND coalesce(s.mark, '') <> $mark)
SET s.storeVersion = $storeVersion, s.format = $format, s.mark = $mark, s.data = $data
