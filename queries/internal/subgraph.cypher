// The nodes with these IRIs and the relationships among them (format=graph of a query result).
MATCH (n:Resource)
WHERE n.uri IN $uris
OPTIONAL MATCH (n)-[r]->(m:Resource)
WHERE m.uri IN $uris
RETURN n.uri AS uri, n.prefLabel AS label, labels(n) AS labels,
       collect({type: type(r), target: m.uri, sources: r._sources}) AS out
