// title: Responses in a region
// description: Responses located in a region or any region inside it (up to six levels of containment), with their kind, the actors carrying them out, the groups they target and the documents that report each.
// param region: string = "Sahel" | Name, alias or IRI of a region, case-insensitive.
// param kind: string = "any" | Only responses of this kind (e.g. military_operation, peacekeeping, airstrike); any: all kinds.
// example: region=Sahel
MATCH (r:Region)
WHERE r.uri = $region OR toLower(r.prefLabel) = toLower($region)
   OR any(alias IN coalesce(r.altLabel, []) WHERE toLower(alias) = toLower($region))
MATCH (place:Region)-[:partOf*0..6]->(r)
WITH DISTINCT place
MATCH (resp:Response)-[:locatedIn]->(place)
WHERE $kind = 'any' OR resp.responseKind = $kind
OPTIONAL MATCH (resp)-[:respondent]->(actor)
OPTIONAL MATCH (resp)-[:targets]->(target:Group)
RETURN resp.prefLabel AS response, resp.uri AS uri, resp.responseKind AS kind,
       place.prefLabel AS region, collect(DISTINCT actor.prefLabel) AS by,
       collect(DISTINCT target.prefLabel) AS targets, resp._sources AS sources
ORDER BY kind, response, uri
SKIP $offset
LIMIT $limit
