// How a document's nodes stand before it is written: 'created' (new), 'unchanged' (this
// document already asserts it with these labels and values) or 'updated'. Rows without
// labels/props compare on existence and sources only.
UNWIND $rows AS row
OPTIONAL MATCH (n:Resource {uri: row.uri})
WITH CASE
        WHEN n IS NULL THEN 'created'
        WHEN $doc IN n._sources
             AND all(label IN coalesce(row.labels, []) WHERE label IN labels(n))
             AND all(key IN keys(coalesce(row.props, {})) WHERE n[key] = row.props[key])
            THEN 'unchanged'
        ELSE 'updated'
    END AS state
RETURN state, count(*) AS count
