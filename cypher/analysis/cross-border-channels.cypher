// A country's cross-border channels: the active flows between its stakeholders and stakeholders of
// other countries or international bodies (country INT), in either direction (ANALYSIS.md §4-5).
// Parameters: $country (country code, e.g. 'FI'; 'INT' lists the international layer's channels).
// Returns one row per flow, by flow id: flow, direction ('out' from $country, 'in' to it), from, fromName,
// fromCountry, fromNcp, to, toName, toCountry, toNcp, otherCountry, international (one end is INT),
// indicators, basis, personDependent, confidence, frequency.
// Example (Neo4j Browser):
//   :param country => 'FI'
//   then run this file.
// The index hints make Neo4j start from the country's own stakeholders (not from all the others).
CALL () {
  MATCH (a:Stakeholder {country: $country})-[r:SHARES_WITH]->(b:Stakeholder)
  USING INDEX a:Stakeholder(country)
  WHERE r.status = 'active' AND b.country <> $country
  RETURN a, r, b, 'out' AS direction
  UNION
  MATCH (a:Stakeholder)-[r:SHARES_WITH]->(b:Stakeholder {country: $country})
  USING INDEX b:Stakeholder(country)
  WHERE r.status = 'active' AND a.country <> $country
  RETURN a, r, b, 'in' AS direction
}
RETURN
  r.id AS flow,
  direction,
  a.id AS from, a.name AS fromName, a.country AS fromCountry, a.ncp AS fromNcp,
  b.id AS to, b.name AS toName, b.country AS toCountry, b.ncp AS toNcp,
  CASE direction WHEN 'out' THEN b.country ELSE a.country END AS otherCountry,
  (a.country = 'INT' OR b.country = 'INT') AS international,
  r.indicators AS indicators, r.basis AS basis, r.personDependent AS personDependent,
  r.confidence AS confidence, r.frequency AS frequency
ORDER BY flow
