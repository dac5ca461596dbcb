// Stages created MEMBER_OF relationships of an import ($rows: { stakeholder, network, props }) between a
// stakeholder and a network both staged by the same import ($import): visible when its ends are published.
UNWIND $rows AS row
MATCH (s:StagedStakeholder { id: row.stakeholder, _import: $import }), (n:StagedNetwork { id: row.network, _import: $import })
CREATE (s)-[m:MEMBER_OF]->(n)
SET m = row.props
RETURN count(m) AS value
