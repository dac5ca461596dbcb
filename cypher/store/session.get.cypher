// One session by the SHA-256 of its id ($idHash).
MATCH (s:Session { idHash: $idHash })
RETURN s { .* } AS row
