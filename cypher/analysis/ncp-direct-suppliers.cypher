// Who feeds the NCP directly? The stakeholders (of any country) with at least one active flow straight
// into $country's NCP, with what they send and how (ANALYSIS.md §4). Informal flows are included.
// Parameters: $country (country code, e.g. 'EE').
// Returns one row per supplier, by id: supplier, name, country, type, sector, crossBorder (from another
// country or INT), flows (ids), indicators (every code its flows carry), bases (distinct, strongest
// first), weakestBasis, strongestBasis, personDependent (whether any of these flows rests on one person).
// No rows when the country has no NCP.
// Example (Neo4j Browser):
//   :param country => 'EE'
//   then run this file.
MATCH (ncp:Stakeholder {country: $country, ncp: true})
MATCH (s:Stakeholder)-[r:SHARES_WITH]->(ncp)
WHERE r.status = 'active' AND s <> ncp
WITH ncp, s, r ORDER BY r.id
WITH ncp, s, collect(r) AS flows,
  [f IN collect(r) | {informal: 0, project: 1, agreement: 2, statutory: 3}[f.basis]] AS ranks
WITH ncp, s, flows, ranks,
  reduce(m = 3, x IN ranks | CASE WHEN x < m THEN x ELSE m END) AS weakest,
  reduce(m = 0, x IN ranks | CASE WHEN x > m THEN x ELSE m END) AS strongest
RETURN
  s.id AS supplier, s.name AS name, s.country AS country, s.type AS type, s.sector AS sector,
  s.country <> ncp.country AS crossBorder,
  [f IN flows | f.id] AS flows,
  COLLECT { UNWIND flows AS f UNWIND f.indicators AS code RETURN DISTINCT code ORDER BY code } AS indicators,
  [b IN ['statutory', 'agreement', 'project', 'informal'] WHERE b IN [f IN flows | f.basis]] AS bases,
  ['informal', 'project', 'agreement', 'statutory'][weakest] AS weakestBasis,
  ['informal', 'project', 'agreement', 'statutory'][strongest] AS strongestBasis,
  any(f IN flows WHERE f.personDependent) AS personDependent
ORDER BY supplier
