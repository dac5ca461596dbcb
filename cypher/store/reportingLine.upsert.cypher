// Creates or replaces REPORTS_TO relationships ($rows: { from, to, props }); an existing one is re-created, so its ends may change.
UNWIND $rows AS row
CALL { WITH row MATCH ()-[old:REPORTS_TO { id: row.props.id }]->() DELETE old }
WITH row
MATCH (a:Stakeholder { id: row.from }), (b:Stakeholder { id: row.to })
CREATE (a)-[r:REPORTS_TO]->(b)
SET r = row.props
