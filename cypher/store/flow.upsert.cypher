// Creates or updates SHARES_WITH relationships ($rows: { from, to, props }). One whose ends stay is updated in
// place (its identity kept, so a concurrent read never misses it); only when `from` or `to` changes is it
// deleted and created again between the new ends.
UNWIND $rows AS row
OPTIONAL MATCH (a0:Stakeholder)-[old:SHARES_WITH { id: row.props.id }]->(b0:Stakeholder)
WITH row, old, old IS NOT NULL AND a0.id = row.from AND b0.id = row.to AS inPlace
CALL {
  WITH row, old, inPlace
  WITH row, old WHERE inPlace
  SET old = row.props
}
CALL {
  WITH row, old, inPlace
  WITH row, old WHERE NOT inPlace
  CALL {
    WITH old
    WITH old WHERE old IS NOT NULL
    DELETE old
  }
  MATCH (a:Stakeholder { id: row.from }), (b:Stakeholder { id: row.to })
  CREATE (a)-[r:SHARES_WITH]->(b)
  SET r = row.props
}
