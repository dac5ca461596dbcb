// All REPORTS_TO relationships: their properties and the ids of both ends.
MATCH (a:Stakeholder)-[r:REPORTS_TO]->(b:Stakeholder)
RETURN r { .*, from: a.id, to: b.id } AS row
ORDER BY r.id
