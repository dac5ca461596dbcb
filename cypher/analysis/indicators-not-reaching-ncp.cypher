// Which kinds of information are collected in a country but never reach its NCP (ANALYSIS.md §1,
// status collected_not_reaching)? Default options: active flows only, informal ones included, any
// confidence. An indicator X is listed when stakeholders of $country hold datasets covering X, the NCP
// holds none, and no directed path of active flows all carrying X leads from any holder to the NCP
// (paths may leave the country and come back).
// Parameters: $country (country code, e.g. 'DK').
// Returns one row per such indicator, by code: indicator, name, holders (ids), holderNames. No rows when
// the country has no NCP (every indicator is then no_ncp).
// Example (Neo4j Browser):
//   :param country => 'DK'
//   then run this file.
MATCH (ncp:Stakeholder {country: $country, ncp: true})
MATCH (h:Stakeholder {country: $country})-[:HOLDS]->(:Dataset)-[:COVERS]->(i:Indicator)
WITH ncp, i, h ORDER BY h.id
WITH ncp, i, collect(DISTINCT h) AS holders
WHERE NOT ncp IN holders
  AND NOT EXISTS {
    UNWIND holders AS h
    MATCH SHORTEST 1 (h)((a)-[r:SHARES_WITH WHERE r.status = 'active' AND i.code IN r.indicators]->(b))+(ncp)
    RETURN h
  }
RETURN i.code AS indicator, i.name AS name, [h IN holders | h.id] AS holders, [h IN holders | h.name] AS holderNames
ORDER BY indicator
