// Creates or replaces MEMBER_OF relationships ($rows: { stakeholder, network, props }).
UNWIND $rows AS row
MATCH (s:Stakeholder { id: row.stakeholder }), (n:Network { id: row.network })
MERGE (s)-[m:MEMBER_OF]->(n)
SET m = row.props
