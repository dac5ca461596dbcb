// All Stakeholder nodes with their properties.
MATCH (n:Stakeholder)
RETURN n { .* } AS row
ORDER BY n.id
