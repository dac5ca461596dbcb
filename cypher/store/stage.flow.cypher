// Stages created SHARES_WITH relationships of an import ($rows: { from, to, props }) whose both ends are stakeholders
// staged by the same import ($import): the relationship has its own type, but no read query reaches a
// staged node, so it becomes visible when its ends are published.
UNWIND $rows AS row
MATCH (a:StagedStakeholder { id: row.from, _import: $import }), (b:StagedStakeholder { id: row.to, _import: $import })
CREATE (a)-[r:SHARES_WITH]->(b)
SET r = row.props
RETURN count(r) AS value
