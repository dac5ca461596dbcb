// Drops the presence entries expired at $now.
MATCH (p:Presence)
WHERE p.expiresAt <= $now
DELETE p
