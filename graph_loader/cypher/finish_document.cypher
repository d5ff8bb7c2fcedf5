// Mark a document as completely loaded; $nodes: the IRIs of the nodes it asserts.
MATCH (d:Resource {uri: $doc})
SET d._loaded = true, d._nodes = $nodes
