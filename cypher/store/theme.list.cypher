// All Theme nodes with their properties.
MATCH (n:Theme)
RETURN n { .* } AS row
ORDER BY n.code
