// title: Shortest connection between two entities
// description: The shortest chains of facts (activity, affiliation, containment, attacks, claims, responses, factors; not shared documents) linking two entities, in either direction, up to max_hops steps (at most 4). Each row is one path with its nodes and relationship types, shortest first.
// param source: string = "JNIM" | Name, alias or IRI of the first entity (group, region, actor, factor...), case-insensitive.
// param target: string = "Al-Shabaab" | Name, alias or IRI of the second entity, case-insensitive.
// param max_hops: integer = 4 in [1, 2, 3, 4] | Longest path to consider.
// example: source=JNIM&target=Al-Shabaab
MATCH (a:Resource)
WHERE (a:Group OR a:Region OR a:Actor OR a:Factor OR a:Response)
  AND (a.uri = $source OR toLower(a.prefLabel) = toLower($source)
   OR any(alias IN coalesce(a.altLabel, []) WHERE toLower(alias) = toLower($source)))
MATCH (b:Resource)
WHERE (b:Group OR b:Region OR b:Actor OR b:Factor OR b:Response)
  AND (b.uri = $target OR toLower(b.prefLabel) = toLower($target)
   OR any(alias IN coalesce(b.altLabel, []) WHERE toLower(alias) = toLower($target)))
  AND a <> b
MATCH p = (a)-[:activeIn|affiliatedWith|partOf|perpetratedBy|claimant|claimsResponsibilityFor|locatedIn|respondent|targets|affects*1..4]-(b)
WHERE length(p) <= $max_hops
WITH length(p) AS hops, nodes(p) AS path_nodes, relationships(p) AS path_rels
WITH hops, [n IN path_nodes | {name: n.prefLabel, uri: n.uri, labels: labels(n)}] AS nodes,
     [rel IN path_rels | {type: type(rel), from: startNode(rel).uri, to: endNode(rel).uri,
                          sources: rel._sources}] AS relationships
RETURN hops, nodes, relationships
ORDER BY hops, [n IN nodes | n.uri]
SKIP $offset
LIMIT $limit
