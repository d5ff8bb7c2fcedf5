// Withdraw the document's support from relationships other documents support too.
MATCH (d:Resource {uri: $doc})
UNWIND d._nodes AS u
MATCH (a:Resource {uri: u})-[r]->()
WHERE $doc IN r._sources
SET r._sources = [s IN r._sources WHERE s <> $doc]
