// Every REPORTS_TO relationship for a whole-store read (snapshot, export): each as a list, the ids of both ends
// first, then the properties named in $fields, in that order (null where absent),
// looked up in its properties read once; no order (the app sorts).
MATCH (a:Stakeholder)-[r:REPORTS_TO]->(b:Stakeholder)
WITH a, b, properties(r) AS p
RETURN [a.id, b.id] + [k IN $fields | p[k]] AS row
