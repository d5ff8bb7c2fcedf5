// title: Profile of a region
// description: One row about a region: its name, type and codes, the regions it lies in, how many regions it contains, the groups active in it or any region inside it, and how many attacks, responses and factors are reported there, with the documents that mention it.
// param region: string = "Mali" | Name, alias or IRI of a region, case-insensitive.
// example: region=Mali
MATCH (r:Region)
WHERE r.uri = $region OR toLower(r.prefLabel) = toLower($region)
   OR any(alias IN coalesce(r.altLabel, []) WHERE toLower(alias) = toLower($region))
OPTIONAL MATCH (r)-[:partOf]->(parent:Region)
WITH r, collect(DISTINCT parent.prefLabel) AS part_of
OPTIONAL MATCH (place:Region)-[:partOf*0..6]->(r)
WITH r, part_of, collect(DISTINCT place) AS places
OPTIONAL MATCH (g:Group)-[:activeIn]->(active_place:Region)
WHERE active_place IN places
WITH r, part_of, places, collect(DISTINCT g.prefLabel) AS groups
OPTIONAL MATCH (a:Attack)-[:locatedIn]->(attack_place:Region)
WHERE attack_place IN places
WITH r, part_of, places, groups, count(DISTINCT a) AS attacks,
     toInteger(sum(coalesce(a.killed, 0))) AS killed
OPTIONAL MATCH (resp:Response)-[:locatedIn]->(response_place:Region)
WHERE response_place IN places
WITH r, part_of, places, groups, attacks, killed, collect(DISTINCT resp.prefLabel) AS responses
OPTIONAL MATCH (f:Factor)-[:affects]->(factor_place:Region)
WHERE factor_place IN places
RETURN r.prefLabel AS region, r.uri AS uri, r.regionType AS type, r.iso3166 AS iso3166,
       r.geonamesId AS geonames_id, coalesce(r.altLabel, []) AS aliases, part_of,
       size(places) - 1 AS sub_regions, groups, attacks, killed, responses,
       collect(DISTINCT f.prefLabel) AS factors, r._sources AS sources
SKIP $offset
LIMIT $limit
