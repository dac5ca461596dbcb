// Drops throttle entries idle since $before whose lock, if any, has ended by $now.
MATCH (t:LoginThrottle)
WHERE t.lastFailureAt < $before AND coalesce(t.lockedUntil, 0) <= $now
DELETE t
