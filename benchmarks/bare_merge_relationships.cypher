// Baseline: merge a batch of relationships of one type, nothing else (no provenance).
UNWIND $rows AS row
MATCH (a:Resource {uri: row.src})
MATCH (b:Resource {uri: row.dst})
MERGE (a)-[:__TYPE__]->(b)
