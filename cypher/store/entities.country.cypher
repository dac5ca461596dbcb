// Every Country node for a whole-store read (snapshot, export): each as the list of the properties named in
// $fields, in that order (null where absent), looked up in its properties read once; no map keys to send, no
// order (the app sorts).
MATCH (n:Country)
WITH properties(n) AS p
RETURN [k IN $fields | p[k]] AS row
