// The Stakeholder nodes with the given keys ($keys: list of id).
UNWIND $keys AS key
MATCH (n:Stakeholder { id: key })
RETURN n { .* } AS row
