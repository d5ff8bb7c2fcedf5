// title: Root-cause factors in a region, by how many sources mention them
// description: Factors (weak governance, poverty, ethnic tensions...) reported as affecting a region or any region inside it (up to six levels of containment), with the places they affect, the number of distinct source documents that state it, those documents and up to three of the sentences they were read from. Most-attested first.
// param region: string = "Mali" | Name, alias or IRI of a region, case-insensitive.
// example: region=Mali
MATCH (r:Region)
WHERE r.uri = $region OR toLower(r.prefLabel) = toLower($region)
   OR any(alias IN coalesce(r.altLabel, []) WHERE toLower(alias) = toLower($region))
MATCH (place:Region)-[:partOf*0..6]->(r)
WITH DISTINCT place
MATCH (f:Factor)-[link:affects]->(place)
OPTIONAL MATCH (f)<-[:subject]-(ev:Evidence)-[:object]->(place)
WHERE ev.predicate ENDS WITH '#affects'
WITH f, collect(DISTINCT place.prefLabel) AS places, collect(link._sources) AS source_lists,
     collect(DISTINCT ev.sentence) AS sentences
UNWIND source_lists AS source_list
UNWIND source_list AS source
WITH f, places, sentences, collect(DISTINCT source) AS sources
RETURN f.prefLabel AS factor, f.uri AS uri, places, size(sources) AS source_count, sources,
       sentences[0..3] AS evidence
ORDER BY source_count DESC, factor
SKIP $offset
LIMIT $limit
