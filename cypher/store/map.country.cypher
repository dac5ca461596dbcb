// The map of one country ($country): its Country node (none when it is not in the map), as the list of the
// properties named in $fields, in that order (null where absent).
MATCH (n:Country { code: $country })
RETURN [k IN $fields | n[k]] AS row
