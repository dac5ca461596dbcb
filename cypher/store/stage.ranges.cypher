// The audit ranges an import ($import) reserved (stage.reserve): a flat list of [first seq, last seq, first order,
// store version] per staged batch, empty when it staged no audit entry.
OPTIONAL MATCH (r:ImportRun { id: $import })
RETURN coalesce(r.auditRanges, []) AS value
