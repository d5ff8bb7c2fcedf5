// title: A source document
// description: One source document: its IRI, title, URL, publication date, content hash, whether all its facts are loaded, and how many statements and entity mentions were read from it.
// param document: string = "" | IRI of the source document (as in any sources list).
// example: document=https://w3id.org/conflict-kg/id/document/7382b92c08715c1a
MATCH (d:SourceDocument {uri: $document})
OPTIONAL MATCH (ev:Evidence)-[:statedIn]->(d)
WITH d, collect(ev.predicate) AS predicates
RETURN d.uri AS uri, d.title AS title, d.source AS url, d.issued AS published,
       d.contentHash AS content_hash, coalesce(d._loaded, false) AS loaded,
       size([p IN predicates WHERE NOT p ENDS WITH '#mentionedIn']) AS statements,
       size([p IN predicates WHERE p ENDS WITH '#mentionedIn']) AS mentions
SKIP $offset
LIMIT $limit
