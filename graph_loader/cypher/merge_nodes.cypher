// Merge a batch of nodes that share one label set; record the document among their sources.
// __LABELS__ is replaced by labels (e.g. Group or Group:Region) from the ontology, never from data.
UNWIND $rows AS row
MERGE (n:Resource {uri: row.uri})
SET n:__LABELS__, n += row.props,
    n._sources = CASE
        WHEN n._sources IS NULL THEN [$doc]
        WHEN $doc IN n._sources THEN n._sources
        ELSE n._sources + $doc
    END
