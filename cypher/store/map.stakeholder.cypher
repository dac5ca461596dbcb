// The map of one country ($country): its stakeholders and the foreign ends of the flows touching them, by id.
CALL {
  MATCH (s:Stakeholder { country: $country })
  RETURN s
  UNION
  MATCH (:Stakeholder { country: $country })-[:SHARES_WITH]-(s:Stakeholder)
  RETURN s
}
RETURN s { .* } AS row
ORDER BY s.id
