// Deletes the SHARES_WITH relationships with the given ids ($keys).
UNWIND $keys AS key
MATCH ()-[r:SHARES_WITH { id: key }]->()
DELETE r
