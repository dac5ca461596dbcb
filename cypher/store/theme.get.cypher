// The Theme nodes with the given keys ($keys: list of code).
UNWIND $keys AS key
MATCH (n:Theme { code: key })
RETURN n { .* } AS row
