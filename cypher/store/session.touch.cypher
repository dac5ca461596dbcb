// Moves a session's idle expiry forward ($idHash, $idleExpiresAt).
MATCH (s:Session { idHash: $idHash })
SET s.idleExpiresAt = $idleExpiresAt
