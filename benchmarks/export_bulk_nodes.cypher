// Benchmark fill only: create a batch of new nodes of one label set, with their source document.
UNWIND $rows AS row
CREATE (n:Resource:__LABELS__)
SET n += row.props, n.uri = row.uri, n._sources = [row.doc]
