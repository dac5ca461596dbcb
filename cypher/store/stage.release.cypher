// Ends an import ($import) whose staged items are gone (stage.discard), in one transaction: gives its reserved audit
// sequence numbers back when no other write took one since (the counter then reads as before the import), and removes
// its run node. Numbers reserved before another write's stay unused.
OPTIONAL MATCH (r:ImportRun { id: $import })
WITH r, coalesce(r.auditRanges, []) AS ranges
CALL {
  WITH ranges
  WITH ranges WHERE size(ranges) > 0
  MATCH (m:FlowAtlasMeta { key: 'audit_seq' })
  WITH m, [i IN range(0, size(ranges) - 1, 4) | ranges[i]] AS firsts, [i IN range(0, size(ranges) - 1, 4) | ranges[i + 1]] AS lasts
  WITH m, reduce(low = firsts[0], f IN firsts | CASE WHEN f < low THEN f ELSE low END) AS low,
    reduce(n = 0, i IN range(0, size(firsts) - 1) | n + lasts[i] - firsts[i] + 1) AS count
  SET m.value = CASE WHEN m.value = low + count - 1 THEN low - 1 ELSE m.value END
}
DETACH DELETE r
