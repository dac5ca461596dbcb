// The Network nodes with the given keys ($keys: list of id).
UNWIND $keys AS key
MATCH (n:Network { id: key })
RETURN n { .* } AS row
