// The load state of one document: its content hash and whether all its facts were written.
MATCH (d:Resource {uri: $doc})
RETURN d.contentHash AS contentHash, d._loaded AS loaded
