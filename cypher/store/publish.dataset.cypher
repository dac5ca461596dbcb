// Makes the staged Dataset nodes of an import ($import) visible; returns how many.
MATCH (n:StagedDataset { _import: $import })
SET n:Dataset
REMOVE n:StagedDataset, n._import
RETURN count(n) AS value
