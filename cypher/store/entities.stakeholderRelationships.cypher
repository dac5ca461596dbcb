// Every Stakeholder node with its outgoing SHARES_WITH, REPORTS_TO and MEMBER_OF relationships, for a whole-store
// read (snapshot, export): a record per stakeholder (not per item: a region has 4-5 times as many relationships),
// as the list [its properties named in $stakeholder, its flows, its reporting lines, its memberships], each
// relationship a list of the other end's id, then the properties named in $flow, $reportingLine or $membership,
// in that order (null where absent); no order (the app sorts). Each item's properties are read once (properties())
// and the named ones looked up in that map: one read of its property records, not one per name.
MATCH (s:Stakeholder)
WITH s, properties(s) AS own
RETURN [
  [k IN $stakeholder | own[k]],
  COLLECT {
    MATCH (s)-[r:SHARES_WITH]->(b:Stakeholder)
    WITH b, properties(r) AS p
    RETURN [b.id] + [k IN $flow | p[k]]
  },
  COLLECT {
    MATCH (s)-[r:REPORTS_TO]->(b:Stakeholder)
    WITH b, properties(r) AS p
    RETURN [b.id] + [k IN $reportingLine | p[k]]
  },
  COLLECT {
    MATCH (s)-[r:MEMBER_OF]->(b:Network)
    WITH b, properties(r) AS p
    RETURN [b.id] + [k IN $membership | p[k]]
  }
] AS row
