// Deletes the REPORTS_TO relationships with the given ids ($keys).
UNWIND $keys AS key
MATCH ()-[r:REPORTS_TO { id: key }]->()
DELETE r
