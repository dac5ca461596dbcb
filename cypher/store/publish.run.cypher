// Removes the run node of an import ($import) when it is published: the audit entries it staged (in the auditRanges
// the run node listed) become visible with it.
MATCH (r:ImportRun { id: $import })
DELETE r
