// Withdraw the document's support from nodes other documents support too.
MATCH (n:Resource)
WHERE $doc IN n._sources
SET n._sources = [s IN n._sources WHERE s <> $doc]
