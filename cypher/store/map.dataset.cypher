// The map of one country ($country): the datasets its stakeholders hold, each as the list of the properties named
// in $fields, in that order (null where absent), by id.
MATCH (:Stakeholder { country: $country })-[:HOLDS]->(n:Dataset)
RETURN [k IN $fields | n[k]] AS row
ORDER BY n.id
