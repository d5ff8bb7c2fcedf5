// Mark a document as being loaded; a crash before finish_document leaves it marked unfinished.
MERGE (d:Resource {uri: $doc})
SET d._loaded = false
