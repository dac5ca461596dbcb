// Makes the staged Network nodes of an import ($import) visible; returns how many.
MATCH (n:StagedNetwork { _import: $import })
SET n:Network
REMOVE n:StagedNetwork, n._import
RETURN count(n) AS value
