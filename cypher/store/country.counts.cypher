// The country list's counts in one read, for an editor and a viewer alike: each country's record, its NCP's id (the
// first by id) and how many stakeholders it has (the stakeholder_country index); then every SHARES_WITH once,
// counted per pair of its ends' countries, all of them (pairs) and those whose personalData is one of $levels
// (personalPairs: a viewer asks for the personal levels, an editor for none, []). The adapter adds the pairs up per
// country, a pair within one country once: a country's flows are those touching its stakeholders (every SHARES_WITH
// joins two stakeholders, and every stakeholder has a country). One expansion from each stakeholder (outgoing, as
// the whole-store read expands them) instead of one from each end with a DISTINCT over every relationship; the
// personal ones from the shares_with_personal index (no index hint: an index still being filled would fail it).
MATCH (c:Country)
CALL {
  WITH c
  OPTIONAL MATCH (s:Stakeholder { country: c.code })
  RETURN count(s) AS stakeholders, min(CASE WHEN s.ncp THEN s.id END) AS ncp
}
WITH c, stakeholders, ncp
ORDER BY c.code
WITH collect({ country: c { .* }, ncp: ncp, stakeholders: stakeholders }) AS countries
CALL {
  MATCH (a:Stakeholder)
  WITH a, a.country AS ca
  MATCH (a)-[r:SHARES_WITH]->(b)
  WITH ca, b.country AS cb, count(r) AS flows
  RETURN collect({ a: ca, b: cb, flows: flows }) AS pairs
}
CALL {
  MATCH (a:Stakeholder)-[r:SHARES_WITH]->(b:Stakeholder)
  WHERE r.personalData IN $levels
  WITH a.country AS a, b.country AS b, count(r) AS flows
  RETURN collect({ a: a, b: b, flows: flows }) AS personalPairs
}
RETURN countries, pairs, personalPairs
