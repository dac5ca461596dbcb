// Deletes the Dataset nodes with the given keys ($keys), with their relationships.
UNWIND $keys AS key
MATCH (n:Dataset { id: key })
DETACH DELETE n
