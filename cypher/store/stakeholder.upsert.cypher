// Creates or replaces Stakeholder nodes ($rows: property maps), all properties replaced.
UNWIND $rows AS row
MERGE (n:Stakeholder { id: row.id })
SET n = row
