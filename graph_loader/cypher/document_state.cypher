// The load state of one document: its content hash, whether all its facts were written, and
// the IRIs of the nodes it asserts.
MATCH (d:Resource {uri: $doc})
RETURN d.contentHash AS contentHash, d._loaded AS loaded, d._nodes AS nodes
