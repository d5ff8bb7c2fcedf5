// title: Groups co-active in a region
// description: Pairs of armed groups both reported active in the same place inside a region (the region itself or any region inside it, up to six levels of containment), with the places they share and the documents that report the activity of either group there. Pairs sharing the most places first.
// param region: string = "Sahel" | Name, alias or IRI of a region, case-insensitive.
// example: region=Sahel
MATCH (r:Region)
WHERE r.uri = $region OR toLower(r.prefLabel) = toLower($region)
   OR any(alias IN coalesce(r.altLabel, []) WHERE toLower(alias) = toLower($region))
MATCH (place:Region)-[:partOf*0..6]->(r)
WITH DISTINCT place
MATCH (a:Group)-[act_a:activeIn]->(place)<-[act_b:activeIn]-(b:Group)
WHERE a.uri < b.uri
WITH a, b, collect(DISTINCT place.prefLabel) AS shared_places,
     collect(act_a._sources) + collect(act_b._sources) AS source_lists
UNWIND source_lists AS source_list
UNWIND source_list AS source
WITH a, b, shared_places, collect(DISTINCT source) AS sources
RETURN a.prefLabel AS group_a, a.uri AS group_a_uri, b.prefLabel AS group_b,
       b.uri AS group_b_uri, shared_places, size(shared_places) AS shared, sources
ORDER BY shared DESC, group_a, group_b
SKIP $offset
LIMIT $limit
