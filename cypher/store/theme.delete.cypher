// Deletes the Theme nodes with the given keys ($keys), with their relationships.
UNWIND $keys AS key
MATCH (n:Theme { code: key })
DETACH DELETE n
