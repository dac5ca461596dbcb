// Makes the staged Stakeholder nodes of an import ($import) visible; returns how many.
MATCH (n:StagedStakeholder { _import: $import })
SET n:Stakeholder
REMOVE n:StagedStakeholder, n._import
RETURN count(n) AS value
