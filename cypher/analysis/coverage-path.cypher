// Coverage of one indicator in one country (ANALYSIS.md §1): does information of kind $indicator reach
// the country's NCP, and by which route? Default options: active flows only, informal ones included,
// any confidence. An X-path is a directed path of active flows that all carry $indicator, from a holder
// (a stakeholder of $country holding a dataset that covers $indicator) to the NCP; it may leave the
// country and come back.
// Parameters: $country (country code, e.g. 'SE'), $indicator (indicator code, e.g. 'UAM-03').
// Returns one row: country, indicator, status (held_by_ncp | reaches_ncp | collected_not_reaching |
// not_collected | no_ncp), hops (0 when the NCP holds it), path (stakeholder ids, holder first), flows
// (flow ids along it), weakestBasis, slowestFrequency and latencyDays (summed where known) of the path,
// holders (ids), and route (the path itself, for the graph view). Among the shortest paths the one whose
// weakest basis is strongest is shown (informal < project < agreement < statutory), then by holder id and
// the ids along the path.
// Example (Neo4j Browser):
//   :param country => 'SE'
//   :param indicator => 'UAM-03'
//   then run this file.
OPTIONAL MATCH (ncp:Stakeholder {country: $country, ncp: true})
WITH ncp, COLLECT {
  MATCH (h:Stakeholder {country: $country})-[:HOLDS]->(:Dataset)-[:COVERS]->(:Indicator {code: $indicator})
  RETURN DISTINCT h ORDER BY h.id
} AS holders
OPTIONAL CALL (ncp, holders) {
  WITH ncp, holders WHERE ncp IS NOT NULL AND NOT ncp IN holders
  UNWIND holders AS h
  MATCH p = ALL SHORTEST (h)((a)-[r:SHARES_WITH WHERE r.status = 'active' AND $indicator IN r.indicators]->(b))+(ncp)
  WITH h, p, reduce(weakest = 3, f IN relationships(p) |
    CASE WHEN {informal: 0, project: 1, agreement: 2, statutory: 3}[f.basis] < weakest
      THEN {informal: 0, project: 1, agreement: 2, statutory: 3}[f.basis] ELSE weakest END) AS weakest
  RETURN p AS best, weakest
  ORDER BY length(p), weakest DESC, h.id,
    [i IN range(0, length(p) - 1) | [nodes(p)[i + 1].id, relationships(p)[i].id]]
  LIMIT 1
}
WITH ncp, holders, best, weakest,
  [f IN relationships(best) WHERE f.frequency IS NOT NULL |
    {continuous: 0, monthly: 1, quarterly: 2, biannual: 3, annual: 4, ad_hoc: 5}[f.frequency]] AS frequencyRanks,
  [f IN relationships(best) WHERE f.latencyDays IS NOT NULL | f.latencyDays] AS latencies
RETURN
  $country AS country,
  $indicator AS indicator,
  CASE
    WHEN ncp IS NULL THEN 'no_ncp'
    WHEN ncp IN holders THEN 'held_by_ncp'
    WHEN size(holders) = 0 THEN 'not_collected'
    WHEN best IS NULL THEN 'collected_not_reaching'
    ELSE 'reaches_ncp'
  END AS status,
  CASE WHEN ncp IN holders THEN 0 ELSE length(best) END AS hops,
  CASE WHEN ncp IN holders THEN [ncp.id] ELSE [n IN nodes(best) | n.id] END AS path,
  CASE WHEN ncp IN holders THEN [] ELSE [f IN relationships(best) | f.id] END AS flows,
  ['informal', 'project', 'agreement', 'statutory'][weakest] AS weakestBasis,
  CASE WHEN size(frequencyRanks) > 0
    THEN ['continuous', 'monthly', 'quarterly', 'biannual', 'annual', 'ad_hoc'][reduce(m = 0, x IN frequencyRanks | CASE WHEN x > m THEN x ELSE m END)]
  END AS slowestFrequency,
  CASE WHEN size(latencies) > 0 THEN reduce(sum = 0, d IN latencies | sum + d) END AS latencyDays,
  [h IN holders | h.id] AS holders,
  best AS route
