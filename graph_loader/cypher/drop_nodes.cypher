// Delete the nodes that only this document supports; its own node stays (it carries the load state).
MATCH (n:Resource)
WHERE $doc IN n._sources AND size(n._sources) = 1 AND n.uri <> $doc
DETACH DELETE n
