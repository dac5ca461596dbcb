// Stages created Country nodes of an import ($rows: property maps) under the label StagedCountry, which no read
// query matches, tagged with the import's id ($import); publish.country makes them Country nodes.
UNWIND $rows AS row
CREATE (n:StagedCountry)
SET n = row, n._import = $import
