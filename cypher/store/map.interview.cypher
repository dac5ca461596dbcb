// The map of one country ($country): the interviews of its stakeholders, each as the list of the properties named in
// $fields, in that order (null where absent, looked up in its properties read once), by id.
MATCH (n:Interview)-[:INTERVIEWED]->(:Stakeholder { country: $country })
WITH n, properties(n) AS p
RETURN [k IN $fields | p[k]] AS row
ORDER BY n.id
