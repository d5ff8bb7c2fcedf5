// One page of relationships for export, in a stable order.
MATCH (a:Resource)-[r]->(b:Resource)
WHERE a.uri > $after
WITH a, collect([type(r), b.uri]) AS edges
RETURN a.uri AS src, edges
ORDER BY src
LIMIT $limit
