// Ends an account's sessions ($username), all but the one whose id hash is $except (when not null); how many.
MATCH (s:Session { username: $username })
WHERE $except IS NULL OR s.idHash <> $except
DELETE s
RETURN count(*) AS value
