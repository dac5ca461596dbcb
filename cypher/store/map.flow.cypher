// The map of one country ($country): the SHARES_WITH relationships with an end among its stakeholders.
CALL {
  MATCH (a:Stakeholder { country: $country })-[r:SHARES_WITH]->(b:Stakeholder)
  RETURN a, r, b
  UNION
  MATCH (a:Stakeholder)-[r:SHARES_WITH]->(b:Stakeholder { country: $country })
  RETURN a, r, b
}
RETURN r { .*, from: a.id, to: b.id } AS row
ORDER BY r.id
