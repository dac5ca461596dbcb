// The map of one country ($country): its networks, each as the list of the properties named in $fields, in that
// order (null where absent), by id.
MATCH (n:Network { country: $country })
WITH n, properties(n) AS p
RETURN [k IN $fields | p[k]] AS row
ORDER BY n.id
