// Creates or replaces Theme nodes ($rows: property maps), all properties replaced.
UNWIND $rows AS row
MERGE (n:Theme { code: row.code })
SET n = row
