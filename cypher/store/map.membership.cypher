// The map of one country ($country): the MEMBER_OF relationships of its stakeholders or into its networks.
CALL {
  MATCH (s:Stakeholder { country: $country })-[m:MEMBER_OF]->(n:Network)
  RETURN s, m, n
  UNION
  MATCH (s:Stakeholder)-[m:MEMBER_OF]->(n:Network { country: $country })
  RETURN s, m, n
}
RETURN m { .*, stakeholder: s.id, network: n.id } AS row
ORDER BY s.id, n.id
