// Deletes the Country nodes with the given keys ($keys), with their relationships.
UNWIND $keys AS key
MATCH (n:Country { code: key })
DETACH DELETE n
