// Withdraw the document's support from relationships other documents support too.
MATCH ()-[r]->()
WHERE $doc IN r._sources
SET r._sources = [s IN r._sources WHERE s <> $doc]
