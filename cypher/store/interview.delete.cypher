// Deletes the Interview nodes with the given keys ($keys), with their relationships.
UNWIND $keys AS key
MATCH (n:Interview { id: key })
DETACH DELETE n
