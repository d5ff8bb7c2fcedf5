// Mark a document as completely loaded.
MATCH (d:Resource {uri: $doc})
SET d._loaded = true
