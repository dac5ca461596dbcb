// The Country nodes with the given keys ($keys: list of code).
UNWIND $keys AS key
MATCH (n:Country { code: key })
RETURN n { .* } AS row
