// All MEMBER_OF relationships: role and metadata, with the stakeholder's and the network's ids.
MATCH (s:Stakeholder)-[m:MEMBER_OF]->(n:Network)
RETURN m { .*, stakeholder: s.id, network: n.id } AS row
ORDER BY s.id, n.id
