// A node's outgoing relationships, with each neighbour's preferred label.
MATCH (n:Resource {uri: $uri})-[r]->(m:Resource)
RETURN type(r) AS type, m.uri AS uri, m.prefLabel AS label, m.prefLabel__lang AS lang
ORDER BY type, uri
LIMIT $limit
