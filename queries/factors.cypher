// title: Root-cause factors
// description: Factors (weak governance, poverty, ethnic tensions...), optionally only those affecting a region or any region inside it, with the places they affect and how many documents state them. Most-attested first.
// param region: string = null | Name, alias or IRI of a region; empty: anywhere.
// example: region=Mali
MATCH (f:Factor)-[link:affects]->(place:Region)
OPTIONAL MATCH (place)-[:partOf*0..6]->(container:Region)
WITH f, link, place, collect(DISTINCT container) AS containers
WHERE $region IS NULL OR any(r IN containers WHERE r.uri = $region
   OR toLower(r.prefLabel) = toLower($region)
   OR any(alias IN coalesce(r.altLabel, []) WHERE toLower(alias) = toLower($region)))
WITH f, collect(DISTINCT place.prefLabel) AS places, collect(link._sources) AS source_lists
UNWIND source_lists AS source_list
UNWIND source_list AS source
WITH f, places, collect(DISTINCT source) AS sources
RETURN f.prefLabel AS factor, f.uri AS uri, places, size(sources) AS source_count, sources
ORDER BY source_count DESC, factor
SKIP $offset
LIMIT $limit
