// Stores a round ($round: { id, seq, name, nameKey, scope, country?, note?, createdAt, createdBy, storeVersion, counts, document }, counts and document as JSON strings).
CREATE (r:Round)
SET r = $round
