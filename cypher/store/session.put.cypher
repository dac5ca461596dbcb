// Stores a session ($session: { idHash, username, createdAt, expiresAt, idleExpiresAt }); only the SHA-256 of its id.
CREATE (s:Session)
SET s = $session
