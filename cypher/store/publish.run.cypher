// Removes the run node of an import ($import) when it is published.
MATCH (r:ImportRun { id: $import })
DELETE r
