// The SHARES_WITH relationships with the given ids ($keys).
UNWIND $keys AS key
MATCH (a:Stakeholder)-[r:SHARES_WITH { id: key }]->(b:Stakeholder)
RETURN r { .*, from: a.id, to: b.id } AS row
