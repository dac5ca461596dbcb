// Stages created Network nodes of an import ($rows: property maps) under the label StagedNetwork, which no read
// query matches, tagged with the import's id ($import); publish.network makes them Network nodes.
UNWIND $rows AS row
CREATE (n:StagedNetwork)
SET n = row, n._import = $import
