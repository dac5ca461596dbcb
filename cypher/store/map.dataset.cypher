// The map of one country ($country): the datasets its stakeholders hold, each as the list of the properties named in
// $fields, in that order (null where absent, looked up in its properties read once), by id.
MATCH (:Stakeholder { country: $country })-[:HOLDS]->(n:Dataset)
WITH n, properties(n) AS p
RETURN [k IN $fields | p[k]] AS row
ORDER BY n.id
