// Makes the staged Country nodes of an import ($import) visible; returns how many.
MATCH (n:StagedCountry { _import: $import })
SET n:Country
REMOVE n:StagedCountry, n._import
RETURN count(n) AS value
