// Deletes the Network nodes with the given keys ($keys), with their relationships.
UNWIND $keys AS key
MATCH (n:Network { id: key })
DETACH DELETE n
