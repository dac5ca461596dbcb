// Sign-in throttle entries by key ($keys).
UNWIND $keys AS key
MATCH (t:LoginThrottle { key: key })
RETURN t { .key, .failures, .lastFailureAt, .lockedUntil } AS row
