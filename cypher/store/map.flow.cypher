// The map of one country ($country): the SHARES_WITH relationships with an end among its stakeholders, each as a
// list, the ids of both ends first, then the properties named in $fields, in that order (null where absent, looked
// up in its properties read once), by id.
CALL {
  MATCH (a:Stakeholder { country: $country })-[r:SHARES_WITH]->(b:Stakeholder)
  RETURN a, r, b
  UNION
  MATCH (a:Stakeholder)-[r:SHARES_WITH]->(b:Stakeholder { country: $country })
  RETURN a, r, b
}
WITH a, b, r, properties(r) AS p
RETURN [a.id, b.id] + [k IN $fields | p[k]] AS row
ORDER BY r.id
