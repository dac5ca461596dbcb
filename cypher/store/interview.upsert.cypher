// Creates or replaces Interview nodes ($rows) and their INTERVIEWED link to the stakeholder interviewed.
UNWIND $rows AS row
MERGE (n:Interview { id: row.id })
SET n = row
WITH n, row
CALL { WITH n MATCH (n)-[old:INTERVIEWED]->() DELETE old }
WITH n, row
MATCH (s:Stakeholder { id: row.stakeholder })
CREATE (n)-[:INTERVIEWED]->(s)
