// All Interview nodes with their properties.
MATCH (n:Interview)
RETURN n { .* } AS row
ORDER BY n.id
