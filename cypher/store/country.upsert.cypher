// Creates or replaces Country nodes ($rows: property maps), all properties replaced.
UNWIND $rows AS row
MERGE (n:Country { code: row.code })
SET n = row
