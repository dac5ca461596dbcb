// Per country, the SHARES_WITH relationships touching its stakeholders whose personalData is one of $levels, each
// once per country as country.counts counts them (asked only for a role that may not see such flows). The planner
// seeks in the shares_with_personal index (schema.cypher; no hint: an index still being filled would fail it).
MATCH (a:Stakeholder)-[r:SHARES_WITH]->(b:Stakeholder)
WHERE r.personalData IN $levels
UNWIND CASE WHEN a.country = b.country THEN [a.country] ELSE [a.country, b.country] END AS country
RETURN country, count(r) AS flows
