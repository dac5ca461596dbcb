// How many audit entries an import ($import) staged.
MATCH (a:StagedAuditEntry { _import: $import })
RETURN count(a) AS value
