// The MEMBER_OF relationships with the given keys ($keys: list of { stakeholder, network }).
UNWIND $keys AS key
MATCH (s:Stakeholder { id: key.stakeholder })-[m:MEMBER_OF]->(n:Network { id: key.network })
RETURN m { .*, stakeholder: s.id, network: n.id } AS row
