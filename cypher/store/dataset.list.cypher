// All Dataset nodes with their properties.
MATCH (n:Dataset)
RETURN n { .* } AS row
ORDER BY n.id
