// All SHARES_WITH relationships: their properties and the ids of both ends.
MATCH (a:Stakeholder)-[r:SHARES_WITH]->(b:Stakeholder)
RETURN r { .*, from: a.id, to: b.id } AS row
ORDER BY r.id
