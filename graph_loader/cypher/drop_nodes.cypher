// Delete the nodes that only this document supports; its own node stays (it carries the load state).
MATCH (d:Resource {uri: $doc})
UNWIND d._nodes AS u
MATCH (n:Resource {uri: u})
WHERE $doc IN n._sources AND size(n._sources) = 1 AND n.uri <> $doc
DETACH DELETE n
