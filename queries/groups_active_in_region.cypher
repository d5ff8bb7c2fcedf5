// title: Groups active in a region, and the responses that target them
// description: Armed groups reported active in a region or in any region inside it (up to six levels of containment), with how many responses target each group, up to 20 of them (who, what kind, sources), and the documents that report the activity. Groups targeted by the most responses first.
// param region: string = "Sahel" | Name, alias or IRI of a region, case-insensitive (e.g. Sahel, Mali, Horn of Africa).
// example: region=Sahel
MATCH (r:Region)
WHERE r.uri = $region OR toLower(r.prefLabel) = toLower($region)
   OR any(alias IN coalesce(r.altLabel, []) WHERE toLower(alias) = toLower($region))
WITH collect(r) AS roots
UNWIND roots AS r
MATCH (place:Region)-[:partOf*0..6]->(r)
WITH DISTINCT roots, place
MATCH (g:Group)-[:activeIn]->(place)
WITH DISTINCT roots, g
OPTIONAL MATCH (x)-[:targets]->(g)
WITH roots, g, count(x) AS response_count
ORDER BY response_count DESC, g.prefLabel, g.uri
SKIP $offset
LIMIT $limit
MATCH (g)-[act:activeIn]->(place:Region)-[:partOf*0..6]->(r)
WHERE r IN roots
WITH g, response_count, collect(DISTINCT place.prefLabel) AS regions, collect(DISTINCT act) AS acts
WITH g, response_count, regions, [a IN acts | a._sources] AS activity_sources
OPTIONAL MATCH (resp:Response)-[t:targets]->(g)
WITH g, regions, activity_sources, response_count, collect([resp, t])[0..20] AS pairs
UNWIND (CASE WHEN pairs = [] THEN [[null, null]] ELSE pairs END) AS pair
WITH g, regions, activity_sources, response_count, pair[0] AS resp, pair[1] AS t
OPTIONAL MATCH (resp)-[:respondent]->(actor)
WITH g, regions, activity_sources, response_count, resp, t, collect(DISTINCT actor.prefLabel) AS actors
WITH g, regions, activity_sources, response_count,
     collect(CASE WHEN resp IS NULL THEN NULL ELSE {response: resp.prefLabel, uri: resp.uri, kind: resp.responseKind, by: actors, sources: t._sources} END) AS responses
UNWIND activity_sources AS srcs
UNWIND srcs AS src
WITH g, regions, responses, response_count, collect(DISTINCT src) AS sources
RETURN g.prefLabel AS group, g.uri AS uri, regions, response_count, responses, sources
ORDER BY response_count DESC, group, uri
