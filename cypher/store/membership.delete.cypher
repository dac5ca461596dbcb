// Deletes the MEMBER_OF relationships with the given keys ($keys: list of { stakeholder, network }).
UNWIND $keys AS key
MATCH (:Stakeholder { id: key.stakeholder })-[m:MEMBER_OF]->(:Network { id: key.network })
DELETE m
