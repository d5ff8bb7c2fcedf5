// Synthetic benchmark graph: create relationships of one type between nodes given by IRI.
UNWIND $rows AS row
MATCH (a:Resource {uri: row.src})
MATCH (b:Resource {uri: row.dst})
CREATE (a)-[r:__TYPE__]->(b)
SET r._sources = row.sources
