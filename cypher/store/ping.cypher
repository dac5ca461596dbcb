// Answers 1 when the database can be queried.
RETURN 1 AS value
