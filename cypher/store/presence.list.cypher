// Every presence not expired at $now (ISO timestamps compare as strings), by username then tab.
MATCH (p:Presence)
WHERE p.expiresAt > $now
RETURN p { .* } AS row
ORDER BY row.username, row.tab
