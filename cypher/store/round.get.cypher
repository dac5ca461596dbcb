// One round with its frozen document ($id).
MATCH (r:Round { id: $id })
RETURN r { .* } AS row
