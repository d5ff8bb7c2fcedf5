// Withdraw a document's support from nodes; delete those no document supports any more.
// The document's own node stays: it carries the load state.
MATCH (n:Resource)
WHERE $doc IN n._sources AND n.uri <> $doc
SET n._sources = [s IN n._sources WHERE s <> $doc]
WITH n
WHERE size(n._sources) = 0
DETACH DELETE n
