// title: Attacks by a group
// description: Attacks a group perpetrated or claimed, optionally together with those of the groups it is affiliated with (in either direction, one step), between two dates (ISO, inclusive; leave both empty to include undated attacks), with place, casualties, how each is attributed and the documents that report it. Oldest first.
// param group: string = "JNIM" | Name, alias or IRI of an armed group, case-insensitive.
// param include_affiliates: boolean = false | Also list the attacks of the group's affiliates.
// param from_date: date = null | Earliest date, inclusive; empty: no lower bound.
// param to_date: date = null | Latest date, inclusive; empty: no upper bound.
// example: group=JNIM&include_affiliates=true
MATCH (g:Group)
WHERE g.uri = $group OR toLower(g.prefLabel) = toLower($group)
   OR any(alias IN coalesce(g.altLabel, []) WHERE toLower(alias) = toLower($group))
OPTIONAL MATCH (g)-[:affiliatedWith]-(affiliate:Group)
WITH g, [x IN collect(DISTINCT affiliate) WHERE $include_affiliates] AS affiliates
UNWIND [g] + affiliates AS actor
OPTIONAL MATCH (actor)<-[link:perpetratedBy|claimant]-(x)
OPTIONAL MATCH (x)-[:claimsResponsibilityFor]->(claimed:Attack)
WITH actor, CASE type(link) WHEN 'perpetratedBy' THEN x ELSE claimed END AS a,
     CASE type(link) WHEN 'perpetratedBy' THEN 'perpetrated' ELSE 'claimed' END AS how
WHERE a IS NOT NULL
  AND ($from_date IS NULL OR a.date >= $from_date) AND ($to_date IS NULL OR a.date <= $to_date)
WITH a, collect(DISTINCT actor.prefLabel) AS attributed_to, collect(DISTINCT how) AS how
OPTIONAL MATCH (a)-[:locatedIn]->(place:Region)
RETURN a.date AS date, a.dateText AS date_text, a.prefLabel AS attack, a.uri AS uri,
       collect(DISTINCT place.prefLabel) AS locations, attributed_to, how,
       a.killed AS killed, a.wounded AS wounded, a.targetType AS target, a._sources AS sources
ORDER BY coalesce(date, '9999-99-99'), attack, uri
SKIP $offset
LIMIT $limit
