// The map of one country ($country): its Country node (none when it is not in the map), as the list of the
// properties named in $fields, in that order (null where absent, looked up in its properties read once).
MATCH (n:Country { code: $country })
WITH properties(n) AS p
RETURN [k IN $fields | p[k]] AS row
