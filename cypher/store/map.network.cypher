// The map of one country ($country): its networks.
MATCH (n:Network { country: $country })
RETURN n { .* } AS row
ORDER BY n.id
