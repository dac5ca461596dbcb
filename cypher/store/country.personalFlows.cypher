// Per country, the SHARES_WITH relationships touching its stakeholders whose personalData is one of $levels, each
// once per country as country.counts counts them (asked only for a role that may not see such flows). A seek in the
// shares_with_personal index (schema.cypher): only the flows carrying personal data are read, not every flow.
MATCH (a:Stakeholder)-[r:SHARES_WITH]->(b:Stakeholder)
USING INDEX r:SHARES_WITH(personalData)
WHERE r.personalData IN $levels
UNWIND CASE WHEN a.country = b.country THEN [a.country] ELSE [a.country, b.country] END AS country
RETURN country, count(r) AS flows
