// title: Responses to a group, by kind and by actor
// description: The responses (military operations, peacekeeping, airstrikes, aid, diplomacy...) reported as targeting a group, with their kind, the actors that carry them out, where, and the documents that report each.
// param group: string = "JNIM" | Name, alias or IRI of an armed group, case-insensitive.
// param kind: string = "any" | Only responses of this kind (e.g. military_operation, peacekeeping, airstrike, humanitarian_aid, diplomatic); any: all kinds.
// example: group=JNIM
MATCH (g:Group)
WHERE g.uri = $group OR toLower(g.prefLabel) = toLower($group)
   OR any(alias IN coalesce(g.altLabel, []) WHERE toLower(alias) = toLower($group))
MATCH (resp:Response)-[t:targets]->(g)
WHERE $kind = 'any' OR resp.responseKind = $kind
OPTIONAL MATCH (resp)-[:respondent]->(actor)
OPTIONAL MATCH (resp)-[:locatedIn]->(place:Region)
RETURN g.prefLabel AS group, resp.responseKind AS kind, resp.prefLabel AS response,
       resp.uri AS uri, collect(DISTINCT actor.prefLabel) AS by,
       collect(DISTINCT place.prefLabel) AS regions, t._sources AS sources
ORDER BY kind, response, uri
SKIP $offset
LIMIT $limit
