// Neo4j's limits on transaction memory (the publishing transaction of a staged import must fit them): each setting's
// value as Neo4j prints it ('716.80MiB'; '0B' for no limit).
SHOW SETTINGS YIELD name, value
WHERE name IN ['dbms.memory.transaction.total.max', 'db.memory.transaction.max']
RETURN [name, value] AS value
