// Mark a document as being loaded and record every node its facts may touch ($nodes: the
// previous version's and this version's IRIs), so an interrupted load can be retracted in full.
MERGE (d:Resource {uri: $doc})
SET d._loaded = false, d._nodes = $nodes
