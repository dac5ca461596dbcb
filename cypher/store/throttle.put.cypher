// Creates or replaces sign-in throttle entries ($entries: { key, failures, lastFailureAt, lockedUntil? }).
UNWIND $entries AS entry
MERGE (t:LoginThrottle { key: entry.key })
SET t = entry
