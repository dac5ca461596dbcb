// Every Interview node for a whole-store read (snapshot, export): each as the list of the properties named in
// $fields, in that order (null where absent); no map keys to send, no order (the app sorts).
MATCH (n:Interview)
RETURN [k IN $fields | n[k]] AS row
