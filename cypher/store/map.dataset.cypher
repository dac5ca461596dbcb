// The map of one country ($country): the datasets its stakeholders hold.
MATCH (:Stakeholder { country: $country })-[:HOLDS]->(n:Dataset)
RETURN n { .* } AS row
ORDER BY n.id
