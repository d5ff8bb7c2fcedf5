// title: Network of the groups of a region
// description: The groups active in a region or any region inside it, each with the groups of that set it is affiliated with (either direction) and those active in the same place inside the region: the projection that GET /analytics/groups turns into centrality and communities.
// param region: string = "Sahel" | Name, alias or IRI of a region, case-insensitive.
// example: region=Africa
MATCH (r:Region)
WHERE r.uri = $region OR toLower(r.prefLabel) = toLower($region)
   OR any(alias IN coalesce(r.altLabel, []) WHERE toLower(alias) = toLower($region))
MATCH (place:Region)-[:partOf*0..6]->(r)
WITH collect(DISTINCT place) AS places
UNWIND places AS place
MATCH (g:Group)-[:activeIn]->(place)
WITH places, collect(DISTINCT g) AS groups
UNWIND groups AS g
OPTIONAL MATCH (g)-[:affiliatedWith]-(other:Group)
WITH places, groups, g, collect(DISTINCT other) AS others
OPTIONAL MATCH (g)-[:activeIn]->(shared:Region)<-[:activeIn]-(peer:Group)
WHERE shared IN places AND peer <> g
RETURN g.prefLabel AS group, g.uri AS uri,
       [x IN others WHERE x IN groups | x.uri] AS affiliated,
       collect(DISTINCT peer.uri) AS co_active
ORDER BY uri
SKIP $offset
LIMIT $limit
