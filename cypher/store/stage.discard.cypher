// Removes every staged item of an import ($import) with its relationships, in transactions of their own
// (auto-commit only), then the import's run node.
CALL {
  MATCH (n:StagedCountry { _import: $import }) RETURN n
  UNION ALL
  MATCH (n:StagedStakeholder { _import: $import }) RETURN n
  UNION ALL
  MATCH (n:StagedNetwork { _import: $import }) RETURN n
  UNION ALL
  MATCH (n:StagedInterview { _import: $import }) RETURN n
  UNION ALL
  MATCH (n:StagedDataset { _import: $import }) RETURN n
  UNION ALL
  MATCH (n:StagedAuditEntry { _import: $import }) RETURN n
  UNION ALL
  MATCH (n:ImportRun { id: $import }) RETURN n
}
CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS
