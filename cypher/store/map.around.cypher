// The map of one country ($country), what lies around its stakeholders, read in one walk of each one's
// relationships (not one walk per kind): a record per stakeholder of the country, by id, as the list
// [its properties named in $stakeholder, its items], each item a list tagged by its kind:
//   [1, out, other end's id, the other end's properties named in $stakeholder if it is of another country (else
//    null), then the flow's properties named in $flow]: a SHARES_WITH relationship, outgoing (out = true), or
//    incoming from another country's stakeholder (one within the country is read from its first end);
//   [2, out, other end's id, then the properties named in $reportingLine]: a REPORTS_TO relationship, likewise;
//   [3, then the properties named in $dataset]: a Dataset it HOLDS;
//   [4, then the properties named in $interview]: an Interview of it (INTERVIEWED).
// Values are null where absent; each item's properties are read once (properties()) and the named ones looked up.
// No order within a record (the app sorts each kind as the per-kind map queries did: by id).
MATCH (s:Stakeholder { country: $country })
WITH s, properties(s) AS own
ORDER BY s.id
RETURN [
  [k IN $stakeholder | own[k]],
  COLLECT {
    MATCH (s)-[r:SHARES_WITH|REPORTS_TO|HOLDS|INTERVIEWED]-(o)
    WITH r, o, type(r) AS t, startNode(r) = s AS out
    WITH r, o, t, out, CASE WHEN t = 'SHARES_WITH' OR t = 'REPORTS_TO' THEN o.country <> $country END AS foreign
    WHERE CASE t WHEN 'HOLDS' THEN out AND o:Dataset WHEN 'INTERVIEWED' THEN NOT out AND o:Interview ELSE out OR foreign END
    WITH o, t, out, foreign, CASE WHEN t = 'HOLDS' OR t = 'INTERVIEWED' THEN properties(o) ELSE properties(r) END AS p
    RETURN CASE t
      WHEN 'SHARES_WITH' THEN [1, out, o.id, CASE WHEN foreign THEN [k IN $stakeholder | properties(o)[k]] END] + [k IN $flow | p[k]]
      WHEN 'REPORTS_TO' THEN [2, out, o.id] + [k IN $reportingLine | p[k]]
      WHEN 'HOLDS' THEN [3] + [k IN $dataset | p[k]]
      ELSE [4] + [k IN $interview | p[k]]
    END
  }
] AS row
