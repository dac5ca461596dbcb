// The Interview nodes with the given keys ($keys: list of id).
UNWIND $keys AS key
MATCH (n:Interview { id: key })
RETURN n { .* } AS row
