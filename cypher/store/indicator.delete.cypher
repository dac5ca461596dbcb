// Deletes the Indicator nodes with the given keys ($keys), with their relationships.
UNWIND $keys AS key
MATCH (n:Indicator { code: key })
DETACH DELETE n
