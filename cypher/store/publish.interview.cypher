// Makes the staged Interview nodes of an import ($import) visible; returns how many.
MATCH (n:StagedInterview { _import: $import })
SET n:Interview
REMOVE n:StagedInterview, n._import
RETURN count(n) AS value
