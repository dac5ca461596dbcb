// The map of one country ($country): the MEMBER_OF relationships of its stakeholders or into its networks, each as a
// list, the stakeholder's and the network's ids first, then the properties named in $fields, in that order (null
// where absent), by stakeholder and network.
CALL {
  MATCH (s:Stakeholder { country: $country })-[m:MEMBER_OF]->(n:Network)
  RETURN s, m, n
  UNION
  MATCH (s:Stakeholder)-[m:MEMBER_OF]->(n:Network { country: $country })
  RETURN s, m, n
}
WITH s, n, properties(m) AS p
RETURN [s.id, n.id] + [k IN $fields | p[k]] AS row
ORDER BY s.id, n.id
