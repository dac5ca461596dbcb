// Deletes a round ($id).
MATCH (r:Round { id: $id })
DELETE r
