// title: Responses, filtered by group, region and kind
// description: Responses to the violence, optionally only those targeting a group, located in a region (or any region inside it), or of one kind, with the actors carrying them out, their targets, where, and the documents that report them.
// param group: string = null | Name, alias or IRI of a targeted group; empty: any target.
// param region: string = null | Name, alias or IRI of a region; empty: anywhere.
// param kind: string = "any" | Only responses of this kind (e.g. military_operation, peacekeeping, airstrike); any: all kinds.
// example: region=Sahel
MATCH (resp:Response)
WHERE $kind = 'any' OR resp.responseKind = $kind
OPTIONAL MATCH (resp)-[:locatedIn]->(place:Region)
OPTIONAL MATCH (place)-[:partOf*0..6]->(container:Region)
WITH resp, collect(DISTINCT place) AS places, collect(DISTINCT container) AS containers
WHERE $region IS NULL OR any(r IN containers WHERE r.uri = $region
   OR toLower(r.prefLabel) = toLower($region)
   OR any(alias IN coalesce(r.altLabel, []) WHERE toLower(alias) = toLower($region)))
OPTIONAL MATCH (resp)-[:targets]->(target:Group)
WITH resp, places, collect(DISTINCT target) AS targets
WHERE $group IS NULL OR any(g IN targets WHERE g.uri = $group
   OR toLower(g.prefLabel) = toLower($group)
   OR any(alias IN coalesce(g.altLabel, []) WHERE toLower(alias) = toLower($group)))
OPTIONAL MATCH (resp)-[:respondent]->(actor)
RETURN resp.prefLabel AS response, resp.uri AS uri, resp.responseKind AS kind,
       collect(DISTINCT actor.prefLabel) AS by, [g IN targets | g.prefLabel] AS targets,
       [p IN places | p.prefLabel] AS regions, resp._sources AS sources
ORDER BY kind, response, uri
SKIP $offset
LIMIT $limit
