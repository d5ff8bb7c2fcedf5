// How a document's relationships stand before it is written: 'created' (new), 'unchanged'
// (this document already asserts it) or 'updated' (another document does).
UNWIND $rows AS row
OPTIONAL MATCH (a:Resource {uri: row.src})-[r]->(b:Resource {uri: row.dst})
WHERE type(r) = row.type
WITH row.type AS type, row.src AS src, row.dst AS dst, collect(r._sources) AS found
WITH CASE
        WHEN size(found) = 0 THEN 'created'
        WHEN any(sources IN found WHERE $doc IN sources) THEN 'unchanged'
        ELSE 'updated'
    END AS state
RETURN state, count(*) AS count
