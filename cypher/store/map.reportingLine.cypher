// The map of one country ($country): the REPORTS_TO relationships with an end among its stakeholders.
CALL {
  MATCH (a:Stakeholder { country: $country })-[r:REPORTS_TO]->(b:Stakeholder)
  RETURN a, r, b
  UNION
  MATCH (a:Stakeholder)-[r:REPORTS_TO]->(b:Stakeholder { country: $country })
  RETURN a, r, b
}
RETURN r { .*, from: a.id, to: b.id } AS row
ORDER BY r.id
