// One page of relationships with their sources, grouped by start node, in a stable order.
MATCH (a:Resource)-[r]->(b:Resource)
WHERE a.uri > $after
WITH a, collect([type(r), b.uri, r._sources]) AS edges
RETURN a.uri AS src, edges
ORDER BY src
LIMIT $limit
