// The map of one country ($country): the interviews of its stakeholders.
MATCH (n:Interview)-[:INTERVIEWED]->(:Stakeholder { country: $country })
RETURN n { .* } AS row
ORDER BY n.id
