// Every Stakeholder node with its outgoing SHARES_WITH, REPORTS_TO and MEMBER_OF relationships, for a whole-store
// read (snapshot, export): a record per stakeholder (not per item: a region has 4-5 times as many relationships),
// as the list [its properties named in $stakeholder, its flows, its reporting lines, its memberships], each
// relationship a list of the other end's id, then the properties named in $flow, $reportingLine or $membership,
// in that order (null where absent); no order (the app sorts).
MATCH (s:Stakeholder)
RETURN [
  [k IN $stakeholder | s[k]],
  [(s)-[r:SHARES_WITH]->(b:Stakeholder) | [b.id] + [k IN $flow | r[k]]],
  [(s)-[r:REPORTS_TO]->(b:Stakeholder) | [b.id] + [k IN $reportingLine | r[k]]],
  [(s)-[r:MEMBER_OF]->(b:Network) | [b.id] + [k IN $membership | r[k]]]
] AS row
