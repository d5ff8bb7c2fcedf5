// title: Facts read from a document
// description: Every statement read from one source document (entity mentions left out unless asked for), in reading order, with its subject, predicate and object, the sentence or table row it came from, its character span, the rule or model that read it and a confidence.
// param document: string = "" | IRI of the source document (as in any sources list).
// param include_mentions: boolean = false | Also list every mention of an entity in the document.
// example: document=https://w3id.org/conflict-kg/id/document/7382b92c08715c1a
MATCH (d:SourceDocument {uri: $document})
MATCH (ev:Evidence)-[:statedIn]->(d)
WHERE $include_mentions OR NOT ev.predicate ENDS WITH '#mentionedIn'
MATCH (ev)-[:subject]->(s:Resource)
MATCH (ev)-[:object]->(o:Resource)
RETURN s.prefLabel AS subject, s.uri AS subject_uri, ev.predicate AS predicate,
       coalesce(o.prefLabel, o.title) AS object, o.uri AS object_uri, ev.sentence AS sentence,
       ev.charStart AS char_start, ev.charEnd AS char_end, ev.extractedBy AS extracted_by,
       ev.confidence AS confidence, ev.uri AS evidence
ORDER BY char_start, predicate, subject_uri, object_uri
SKIP $offset
LIMIT $limit
