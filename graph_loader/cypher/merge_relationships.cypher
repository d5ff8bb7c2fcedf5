// Merge a batch of relationships of one type; record the document among their sources.
// __TYPE__ is replaced by a relationship type from the ontology's vocabulary, never from data.
UNWIND $rows AS row
MATCH (a:Resource {uri: row.src})
MATCH (b:Resource {uri: row.dst})
MERGE (a)-[r:__TYPE__]->(b)
SET r._sources = CASE
        WHEN r._sources IS NULL THEN [$doc]
        WHEN $doc IN r._sources THEN r._sources
        ELSE r._sources + $doc
    END
