// title: Sub-regions of a region
// description: The regions contained in a region (countries, subdivisions, towns, macro-regions), up to six levels down, with their type, how many containment steps separate them from it, and the documents that state the direct containment when there is one.
// param region: string = "Sahel" | Name, alias or IRI of a region, case-insensitive.
// param type: string = "any" | Only sub-regions of this type (country, subdivision, town, macro-region); any: all.
// example: region=Sahel&type=country
MATCH (r:Region)
WHERE r.uri = $region OR toLower(r.prefLabel) = toLower($region)
   OR any(alias IN coalesce(r.altLabel, []) WHERE toLower(alias) = toLower($region))
MATCH p = (sub:Region)-[:partOf*1..6]->(r)
WHERE $type = 'any' OR sub.regionType = $type
WITH r, sub, min(length(p)) AS depth
OPTIONAL MATCH (sub)-[direct:partOf]->(r)
RETURN sub.prefLabel AS region, sub.uri AS uri, sub.regionType AS type, depth,
       direct._sources AS sources
ORDER BY depth, type, region
SKIP $offset
LIMIT $limit
