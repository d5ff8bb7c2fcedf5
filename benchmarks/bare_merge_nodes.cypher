// Baseline: merge a batch of nodes of one label set, nothing else (no provenance).
UNWIND $rows AS row
MERGE (n:Resource {uri: row.uri})
SET n:__LABELS__, n += row.props
