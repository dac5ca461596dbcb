// Forgets sign-in throttle entries ($keys).
UNWIND $keys AS key
MATCH (t:LoginThrottle { key: key })
DELETE t
