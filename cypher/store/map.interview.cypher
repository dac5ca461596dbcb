// The map of one country ($country): the interviews of its stakeholders, each as the list of the properties named
// in $fields, in that order (null where absent), by id.
MATCH (n:Interview)-[:INTERVIEWED]->(:Stakeholder { country: $country })
RETURN [k IN $fields | n[k]] AS row
ORDER BY n.id
