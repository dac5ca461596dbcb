// Every account with its password hash (the store layer strips the hash before anything leaves it).
MATCH (a:Account)
RETURN a { .* } AS row
ORDER BY a.username
