// The country list's counts: per country, its record, its NCP's id (the first by id), how many stakeholders
// and how many SHARES_WITH relationships touch them.
MATCH (c:Country)
CALL {
  WITH c
  OPTIONAL MATCH (s:Stakeholder { country: c.code })
  RETURN count(s) AS stakeholders, min(CASE WHEN s.ncp THEN s.id END) AS ncp
}
CALL {
  WITH c
  OPTIONAL MATCH (:Stakeholder { country: c.code })-[r:SHARES_WITH]-()
  RETURN count(DISTINCT r) AS flows
}
RETURN { country: c { .* }, ncp: ncp, stakeholders: stakeholders, flows: flows } AS row
ORDER BY c.code
