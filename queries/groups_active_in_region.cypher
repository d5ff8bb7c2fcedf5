// title: Groups active in a region, and the responses that target them
// description: Armed groups reported active in a region or in any region inside it (up to six levels of containment), with the responses (who, what kind) that target each group and the documents that support each fact.
// param region: string = "Sahel" | Name or alias of a region, case-insensitive (e.g. Sahel, Mali, Horn of Africa).
// example: region=Sahel
MATCH (r:Region)
WHERE toLower(r.prefLabel) = toLower($region)
   OR any(alias IN coalesce(r.altLabel, []) WHERE toLower(alias) = toLower($region))
MATCH (place:Region)-[:partOf*0..6]->(r)
MATCH (g:Group)-[act:activeIn]->(place)
WITH g, collect(DISTINCT place.prefLabel) AS regions, collect(act._sources) AS activity_sources
OPTIONAL MATCH (resp:Response)-[t:targets]->(g)
OPTIONAL MATCH (resp)-[:respondent]->(actor)
WITH g, regions, activity_sources, resp, t, collect(DISTINCT actor.prefLabel) AS actors
WITH g, regions, activity_sources,
     collect(CASE WHEN resp IS NULL THEN NULL ELSE {response: resp.prefLabel, uri: resp.uri, kind: resp.responseKind, by: actors, sources: t._sources} END) AS responses
UNWIND activity_sources AS srcs
UNWIND srcs AS src
WITH g, regions, responses, collect(DISTINCT src) AS sources
RETURN g.prefLabel AS group, g.uri AS uri, regions, responses, sources
ORDER BY size(responses) DESC, group
SKIP $offset
LIMIT $limit
