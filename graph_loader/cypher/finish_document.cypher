// Mark a document as completely loaded; $nodes: the IRIs of the nodes it asserts, or null when
// begin_document recorded exactly those.
MATCH (d:Resource {uri: $doc})
SET d._loaded = true, d._nodes = coalesce($nodes, d._nodes)
