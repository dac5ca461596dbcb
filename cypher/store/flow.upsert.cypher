// Creates or replaces SHARES_WITH relationships ($rows: { from, to, props }); an existing one is re-created, so its ends may change.
UNWIND $rows AS row
CALL { WITH row MATCH ()-[old:SHARES_WITH { id: row.props.id }]->() DELETE old }
WITH row
MATCH (a:Stakeholder { id: row.from }), (b:Stakeholder { id: row.to })
CREATE (a)-[r:SHARES_WITH]->(b)
SET r = row.props
