// title: Attacks, filtered by region, group and dates
// description: Attacks, optionally only those located in a region (or any region inside it), perpetrated or claimed by a group, and between two dates (ISO, inclusive; a date bound leaves out undated attacks), with place, perpetrators, claimants, casualties and the documents that report them. Oldest first; undated last.
// param region: string = null | Name, alias or IRI of a region; empty: anywhere.
// param group: string = null | Name, alias or IRI of the group that perpetrated or claimed the attack; empty: any group.
// param from_date: date = null | Earliest date, inclusive; empty: no lower bound.
// param to_date: date = null | Latest date, inclusive; empty: no upper bound.
// example: region=Africa&from_date=2024-01-01
MATCH (a:Attack)
WHERE ($from_date IS NULL OR a.date >= $from_date) AND ($to_date IS NULL OR a.date <= $to_date)
OPTIONAL MATCH (a)-[:locatedIn]->(place:Region)
OPTIONAL MATCH (place)-[:partOf*0..6]->(container:Region)
WITH a, place, collect(DISTINCT container) AS containers
WHERE $region IS NULL OR any(r IN containers WHERE r.uri = $region
   OR toLower(r.prefLabel) = toLower($region)
   OR any(alias IN coalesce(r.altLabel, []) WHERE toLower(alias) = toLower($region)))
OPTIONAL MATCH (a)-[:perpetratedBy]->(perpetrator:Group)
OPTIONAL MATCH (claim:Claim)-[:claimsResponsibilityFor]->(a)
OPTIONAL MATCH (claim)-[:claimant]->(claimant:Group)
WITH a, place, collect(DISTINCT perpetrator) AS perpetrators, collect(DISTINCT claimant) AS claimants
WHERE $group IS NULL OR any(g IN perpetrators + claimants WHERE g.uri = $group
   OR toLower(g.prefLabel) = toLower($group)
   OR any(alias IN coalesce(g.altLabel, []) WHERE toLower(alias) = toLower($group)))
RETURN a.date AS date, a.dateText AS date_text, a.prefLabel AS attack, a.uri AS uri,
       place.prefLabel AS location, place.uri AS location_uri, a.eventType AS event_type,
       [g IN perpetrators | g.prefLabel] AS perpetrators, [g IN claimants | g.prefLabel] AS claimed_by,
       a.killed AS killed, a.wounded AS wounded, a.targetType AS target, a._sources AS sources
ORDER BY coalesce(date, '9999-99-99'), attack, uri
SKIP $offset
LIMIT $limit
