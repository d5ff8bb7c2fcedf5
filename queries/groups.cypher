// title: Armed groups
// description: Armed groups, optionally only those whose name or an alias contains a text, or those active in a region (or any region inside it), with their aliases, the regions they are active in, their affiliations and how many documents mention them. Most-mentioned first.
// param name: string = "" | Text the group's name or an alias contains, case-insensitive; empty: any name.
// param region: string = null | Name, alias or IRI of a region the group is active in (sub-regions included); empty: anywhere.
// example: region=Sahel
MATCH (g:Group)
WHERE $name = '' OR toLower(g.prefLabel) CONTAINS toLower($name)
   OR any(alias IN coalesce(g.altLabel, []) WHERE toLower(alias) CONTAINS toLower($name))
OPTIONAL MATCH (g)-[:activeIn]->(place:Region)
WITH g, collect(DISTINCT place) AS places
OPTIONAL MATCH (g)-[:activeIn]->(:Region)-[:partOf*0..6]->(container:Region)
WITH g, places, collect(DISTINCT container) AS containers
WHERE $region IS NULL OR any(r IN containers WHERE r.uri = $region
   OR toLower(r.prefLabel) = toLower($region)
   OR any(alias IN coalesce(r.altLabel, []) WHERE toLower(alias) = toLower($region)))
OPTIONAL MATCH (g)-[:affiliatedWith]-(affiliate:Group)
RETURN g.prefLabel AS group, g.uri AS uri, coalesce(g.altLabel, []) AS aliases,
       [p IN places | p.prefLabel] AS regions, collect(DISTINCT affiliate.prefLabel) AS affiliations,
       size(coalesce(g._sources, [])) AS document_count, g._sources AS sources
ORDER BY document_count DESC, group, uri
SKIP $offset
LIMIT $limit
