// Creates or replaces an account ($account: { username, role, countries, displayName?, passwordHash, createdAt, updatedAt, lastLoginAt? }).
MERGE (a:Account { username: $account.username })
SET a = $account
