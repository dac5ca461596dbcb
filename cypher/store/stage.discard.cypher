// Removes every staged item of an import ($import) with its relationships, in transactions of their own (auto-commit
// only): its nodes (tagged _import) and its audit entries: the AuditEntry nodes whose seq lies in the ranges on its run
// node (stage.reserve; readers do not see them while the run node exists), and StagedAuditEntry nodes left by an
// earlier version (in those ranges, or tagged _import). stage.release then removes the run node.
OPTIONAL MATCH (run:ImportRun { id: $import })
WITH coalesce(run.auditRanges, []) AS ranges
CALL {
  WITH ranges
  MATCH (n:StagedCountry { _import: $import }) RETURN n
  UNION ALL
  WITH ranges
  MATCH (n:StagedStakeholder { _import: $import }) RETURN n
  UNION ALL
  WITH ranges
  MATCH (n:StagedNetwork { _import: $import }) RETURN n
  UNION ALL
  WITH ranges
  MATCH (n:StagedInterview { _import: $import }) RETURN n
  UNION ALL
  WITH ranges
  MATCH (n:StagedDataset { _import: $import }) RETURN n
  UNION ALL
  WITH ranges
  UNWIND range(0, size(ranges) - 1, 4) AS i
  MATCH (n:AuditEntry)
  WHERE ranges[i] <= n.seq <= ranges[i + 1]
  RETURN n
  UNION ALL
  WITH ranges
  MATCH (n:StagedAuditEntry)
  WHERE n._import = $import OR any(i IN range(0, size(ranges) - 1, 4) WHERE ranges[i] <= n.seq <= ranges[i + 1])
  RETURN n
}
CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS
