// The map of one country ($country): its stakeholders and the foreign ends of the flows touching them, each as the
// list of the properties named in $fields, in that order (null where absent, looked up in its properties read once),
// by id.
CALL {
  MATCH (s:Stakeholder { country: $country })
  RETURN s
  UNION
  MATCH (:Stakeholder { country: $country })-[:SHARES_WITH]-(s:Stakeholder)
  RETURN s
}
WITH s, properties(s) AS p
RETURN [k IN $fields | p[k]] AS row
ORDER BY s.id
