// title: Casualties by region and year
// description: For the attacks located in a region or any region inside it, the number of attacks and the reported killed and wounded per country (the place itself when it lies in no country) and year; undated attacks are counted under year "undated". Attacks that report no figure count as zero casualties.
// param region: string = "Africa" | Name, alias or IRI of a region, case-insensitive.
// example: region=Africa
MATCH (r:Region)
WHERE r.uri = $region OR toLower(r.prefLabel) = toLower($region)
   OR any(alias IN coalesce(r.altLabel, []) WHERE toLower(alias) = toLower($region))
MATCH (place:Region)-[:partOf*0..6]->(r)
WITH DISTINCT place
MATCH (a:Attack)-[:locatedIn]->(place)
OPTIONAL MATCH (place)-[:partOf*0..3]->(country:Region)
WHERE country.regionType = 'country'
WITH a, place, collect(DISTINCT country.prefLabel) AS countries
WITH a, coalesce(head(countries), place.prefLabel) AS region,
     coalesce(substring(a.date, 0, 4), 'undated') AS year
WITH region, year, collect(DISTINCT a) AS attacks
UNWIND attacks AS a
WITH region, year, size(attacks) AS attack_count, toInteger(sum(coalesce(a.killed, 0))) AS killed,
     toInteger(sum(coalesce(a.wounded, 0))) AS wounded, collect(a._sources) AS source_lists
UNWIND source_lists AS source_list
UNWIND source_list AS source
RETURN region, year, attack_count AS attacks, killed, wounded,
       collect(DISTINCT source) AS sources
ORDER BY region, year
SKIP $offset
LIMIT $limit
