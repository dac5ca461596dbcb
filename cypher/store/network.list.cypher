// All Network nodes with their properties.
MATCH (n:Network)
RETURN n { .* } AS row
ORDER BY n.id
