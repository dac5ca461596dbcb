// Removes every node and relationship (tests and `npm run seed -- --reset`); the schema stays.
MATCH (n)
CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
