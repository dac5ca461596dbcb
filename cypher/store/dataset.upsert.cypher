// Creates or replaces Dataset nodes ($rows), the holder's HOLDS link and COVERS links to indicators.
UNWIND $rows AS row
MERGE (d:Dataset { id: row.id })
SET d = row
WITH d, row
CALL { WITH d MATCH ()-[old:HOLDS]->(d) DELETE old }
CALL { WITH d MATCH (d)-[old:COVERS]->() DELETE old }
WITH d, row
MATCH (holder:Stakeholder { id: row.holder })
CREATE (holder)-[:HOLDS]->(d)
WITH d, row
UNWIND row.indicators AS code
MATCH (i:Indicator { code: code })
CREATE (d)-[:COVERS]->(i)
