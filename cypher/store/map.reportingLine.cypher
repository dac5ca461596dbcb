// The map of one country ($country): the REPORTS_TO relationships with an end among its stakeholders, each as a
// list, the ids of both ends first, then the properties named in $fields, in that order (null where absent, looked
// up in its properties read once), by id.
CALL {
  MATCH (a:Stakeholder { country: $country })-[r:REPORTS_TO]->(b:Stakeholder)
  RETURN a, r, b
  UNION
  MATCH (a:Stakeholder)-[r:REPORTS_TO]->(b:Stakeholder { country: $country })
  RETURN a, r, b
}
WITH a, b, r, properties(r) AS p
RETURN [a.id, b.id] + [k IN $fields | p[k]] AS row
ORDER BY r.id
