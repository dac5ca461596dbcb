// Creates or replaces Indicator nodes ($rows) and their IN_THEME links to Theme nodes.
UNWIND $rows AS row
MERGE (n:Indicator { code: row.code })
SET n = row
WITH n, row
CALL { WITH n MATCH (n)-[old:IN_THEME]->() DELETE old }
WITH n, row
UNWIND row.themes AS theme
MATCH (t:Theme { code: theme })
CREATE (n)-[:IN_THEME]->(t)
