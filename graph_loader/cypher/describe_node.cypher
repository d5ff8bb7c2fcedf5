// One node by IRI: its labels and properties.
MATCH (n:Resource {uri: $uri})
RETURN labels(n) AS labels, properties(n) AS props
