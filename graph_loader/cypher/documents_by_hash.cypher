// Completely loaded documents with a given content hash (to skip the same text under another name).
MATCH (d:Resource {contentHash: $hash})
WHERE d._loaded = true
RETURN d.uri AS uri
