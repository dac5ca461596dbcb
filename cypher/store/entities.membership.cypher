// Every MEMBER_OF relationship for a whole-store read (snapshot, export): each as a list, the stakeholder's and the network's ids
// first, then the properties named in $fields, in that order (null where absent),
// looked up in its properties read once; no order (the app sorts).
MATCH (a:Stakeholder)-[r:MEMBER_OF]->(b:Network)
WITH a, b, properties(r) AS p
RETURN [a.id, b.id] + [k IN $fields | p[k]] AS row
