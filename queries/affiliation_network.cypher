// title: Affiliation network around a group
// description: The affiliations (group affiliated with group) reachable from a group in up to depth steps, in either direction, one row per affiliation with its distance from the group and the documents that state it. Ready for format=graph.
// param group: string = "JNIM" | Name, alias or IRI of an armed group, case-insensitive.
// param depth: integer = 2 in [1, 2, 3] | How many affiliation steps to follow (at most 3).
// example: group=JNIM&depth=2
MATCH (g:Group)
WHERE g.uri = $group OR toLower(g.prefLabel) = toLower($group)
   OR any(alias IN coalesce(g.altLabel, []) WHERE toLower(alias) = toLower($group))
MATCH p = (g)-[:affiliatedWith*1..3]-(:Group)
WHERE length(p) <= $depth
UNWIND range(0, length(p) - 1) AS i
WITH relationships(p)[i] AS rel, i + 1 AS distance
WITH rel, min(distance) AS distance
WITH startNode(rel) AS a, endNode(rel) AS b, rel, distance
RETURN a.prefLabel AS group, a.uri AS group_uri, b.prefLabel AS affiliated_with,
       b.uri AS affiliated_with_uri, distance, rel._sources AS sources
ORDER BY distance, group, affiliated_with
SKIP $offset
LIMIT $limit
