// The REPORTS_TO relationships with the given ids ($keys).
UNWIND $keys AS key
MATCH (a:Stakeholder)-[r:REPORTS_TO { id: key }]->(b:Stakeholder)
RETURN r { .*, from: a.id, to: b.id } AS row
