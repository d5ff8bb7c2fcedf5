// Withdraw a document's support from relationships; delete those no document supports any more.
MATCH ()-[r]->()
WHERE $doc IN r._sources
SET r._sources = [s IN r._sources WHERE s <> $doc]
WITH r
WHERE size(r._sources) = 0
DELETE r
