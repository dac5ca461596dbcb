// The Dataset nodes with the given keys ($keys: list of id).
UNWIND $keys AS key
MATCH (n:Dataset { id: key })
RETURN n { .* } AS row
