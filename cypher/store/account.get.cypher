// One account with its password hash ($username).
MATCH (a:Account { username: $username })
RETURN a { .* } AS row
