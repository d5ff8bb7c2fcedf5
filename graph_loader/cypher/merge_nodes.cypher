// Merge a batch of nodes that share one label set; record the document among their sources.
// __LABELS__ is replaced by labels (e.g. Group or Group:Region) from the ontology, never from data.
// Aliases (skos:altLabel, with their language tags) are a union over the documents that give
// them, so loading one document never drops the aliases another one gave.
UNWIND $rows AS row
MERGE (n:Resource {uri: row.uri})
SET n:__LABELS__, n += row.props,
    n._sources = CASE
        WHEN n._sources IS NULL THEN [$doc]
        WHEN $doc IN n._sources THEN n._sources
        ELSE n._sources + $doc
    END,
    n.altLabel__lang = CASE
        WHEN row.aliases IS NULL THEN n.altLabel__lang
        ELSE coalesce(n.altLabel__lang, [])
             + [pair IN row.aliases WHERE NOT pair[0] IN coalesce(n.altLabel, []) | pair[1]]
    END,
    n.altLabel = CASE
        WHEN row.aliases IS NULL THEN n.altLabel
        ELSE coalesce(n.altLabel, [])
             + [pair IN row.aliases WHERE NOT pair[0] IN coalesce(n.altLabel, []) | pair[0]]
    END
