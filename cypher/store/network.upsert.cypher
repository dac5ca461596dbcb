// Creates or replaces Network nodes ($rows: property maps), all properties replaced.
UNWIND $rows AS row
MERGE (n:Network { id: row.id })
SET n = row
