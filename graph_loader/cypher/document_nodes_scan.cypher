// The nodes a document supports, by scanning every node: only for documents loaded before
// their node lists were recorded (no _nodes), once.
MATCH (n:Resource)
WHERE $doc IN n._sources
RETURN n.uri AS uri
