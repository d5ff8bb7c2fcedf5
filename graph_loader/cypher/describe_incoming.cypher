// A node's incoming relationships, with each neighbour's preferred label.
MATCH (m:Resource)-[r]->(n:Resource {uri: $uri})
RETURN type(r) AS type, m.uri AS uri, m.prefLabel AS label, m.prefLabel__lang AS lang
ORDER BY type, uri
LIMIT $limit
