// Deletes the Stakeholder nodes with the given keys ($keys), with their relationships.
UNWIND $keys AS key
MATCH (n:Stakeholder { id: key })
DETACH DELETE n
