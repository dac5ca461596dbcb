// Stages created Stakeholder nodes of an import ($rows: property maps) under the label StagedStakeholder, which no read
// query matches, tagged with the import's id ($import); publish.stakeholder makes them Stakeholder nodes.
UNWIND $rows AS row
CREATE (n:StagedStakeholder)
SET n = row, n._import = $import
