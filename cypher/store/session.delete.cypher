// Ends one session ($idHash).
MATCH (s:Session { idHash: $idHash })
DELETE s
