// Withdraw the document's support from the nodes other documents support too.
MATCH (d:Resource {uri: $doc})
UNWIND d._nodes AS u
MATCH (n:Resource {uri: u})
WHERE $doc IN n._sources
SET n._sources = [s IN n._sources WHERE s <> $doc]
