// The Indicator nodes with the given keys ($keys: list of code).
UNWIND $keys AS key
MATCH (n:Indicator { code: key })
RETURN n { .* } AS row
