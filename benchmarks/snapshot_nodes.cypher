// One page of nodes with all their properties (sources included), in a stable order.
MATCH (n:Resource)
WHERE n.uri > $after
RETURN n.uri AS uri, labels(n) AS labels, properties(n) AS props
ORDER BY n.uri
LIMIT $limit
