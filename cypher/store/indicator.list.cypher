// All Indicator nodes with their properties.
MATCH (n:Indicator)
RETURN n { .* } AS row
ORDER BY n.code
