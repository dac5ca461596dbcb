// All Country nodes with their properties.
MATCH (n:Country)
RETURN n { .* } AS row
ORDER BY n.code
