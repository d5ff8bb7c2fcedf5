// title: Attacks in a region over a date range
// description: A timeline of the attacks located in a region or any region inside it (up to six levels of containment), between two dates (ISO yyyy-mm-dd, inclusive; leave both empty to include undated attacks), with the perpetrator, the groups that claimed each attack, casualties and the documents that report it. Oldest first; undated attacks last.
// param region: string = "Sahel" | Name, alias or IRI of a region, case-insensitive (e.g. Sahel, Burkina Faso, Nigeria).
// param from_date: date = null | Earliest date, inclusive (e.g. 2023-01-01); empty: no lower bound.
// param to_date: date = null | Latest date, inclusive (e.g. 2024-12-31); empty: no upper bound.
// example: region=Africa&from_date=2023-01-01&to_date=2024-12-31
MATCH (r:Region)
WHERE r.uri = $region OR toLower(r.prefLabel) = toLower($region)
   OR any(alias IN coalesce(r.altLabel, []) WHERE toLower(alias) = toLower($region))
MATCH (place:Region)-[:partOf*0..6]->(r)
WITH DISTINCT place
MATCH (a:Attack)-[:locatedIn]->(place)
WHERE ($from_date IS NULL OR a.date >= $from_date) AND ($to_date IS NULL OR a.date <= $to_date)
OPTIONAL MATCH (a)-[:perpetratedBy]->(perpetrator:Group)
OPTIONAL MATCH (claim:Claim)-[:claimsResponsibilityFor]->(a)
OPTIONAL MATCH (claim)-[:claimant]->(claimant:Group)
WITH a, place, collect(DISTINCT perpetrator.prefLabel) AS perpetrators,
     collect(DISTINCT claimant.prefLabel) AS claimed_by
RETURN a.date AS date, a.dateText AS date_text, a.prefLabel AS attack, a.uri AS uri,
       place.prefLabel AS location, a.eventType AS event_type, perpetrators, claimed_by,
       a.killed AS killed, a.wounded AS wounded, a.targetType AS target, a._sources AS sources
ORDER BY coalesce(date, '9999-99-99'), attack, uri
SKIP $offset
LIMIT $limit
