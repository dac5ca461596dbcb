// The map of one country ($country): the REPORTS_TO relationships with an end among its stakeholders, each as a
// list, the ids of both ends first, then the properties named in $fields, in that order (null where absent), by id.
CALL {
  MATCH (a:Stakeholder { country: $country })-[r:REPORTS_TO]->(b:Stakeholder)
  RETURN a, r, b
  UNION
  MATCH (a:Stakeholder)-[r:REPORTS_TO]->(b:Stakeholder { country: $country })
  RETURN a, r, b
}
RETURN [a.id, b.id] + [k IN $fields | r[k]] AS row
ORDER BY r.id
