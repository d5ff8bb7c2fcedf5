// Benchmark fill only: create a batch of relationships of one type between existing nodes.
UNWIND $rows AS row
MATCH (a:Resource {uri: row.src})
MATCH (b:Resource {uri: row.dst})
CREATE (a)-[r:__TYPE__]->(b)
SET r._sources = [row.doc]
