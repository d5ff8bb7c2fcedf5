// One page of the export: nodes in IRI order, each with its outgoing relationships and the
// documents asserting each relationship.
MATCH (n:Resource)
WHERE n.uri > $after
WITH n
ORDER BY n.uri
LIMIT $limit
OPTIONAL MATCH (n)-[r]->(m:Resource)
WITH n, collect([type(r), m.uri, r._sources]) AS edges
RETURN n.uri AS uri, labels(n) AS labels, properties(n) AS props, edges
ORDER BY uri
