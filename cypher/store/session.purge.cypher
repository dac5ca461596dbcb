// Deletes the sessions expired at $now, absolutely or for being idle (ISO timestamps compare as strings); how many.
MATCH (s:Session)
WHERE s.expiresAt <= $now OR s.idleExpiresAt <= $now
DELETE s
RETURN count(*) AS value
