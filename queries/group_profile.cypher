// title: Profile of a group
// description: One row about an armed group: its name and aliases, the groups it is affiliated with (either direction), the regions it is active in, how many attacks it perpetrated or claimed with their total reported deaths and the 20 most recent, the responses that target it (how many, and 20 of them), and the documents that mention it.
// param group: string = "JNIM" | Name, alias or IRI of an armed group, case-insensitive.
// example: group=JNIM
MATCH (g:Group)
WHERE g.uri = $group OR toLower(g.prefLabel) = toLower($group)
   OR any(alias IN coalesce(g.altLabel, []) WHERE toLower(alias) = toLower($group))
OPTIONAL MATCH (g)-[:affiliatedWith]-(affiliate:Group)
WITH g, collect(DISTINCT affiliate.prefLabel) AS affiliations
OPTIONAL MATCH (g)-[:activeIn]->(place:Region)
WITH g, affiliations, collect(DISTINCT place.prefLabel) AS regions
OPTIONAL MATCH (g)<-[:perpetratedBy|claimant]-(x)
OPTIONAL MATCH (x)-[:claimsResponsibilityFor]->(claimed:Attack)
WITH DISTINCT g, affiliations, regions, CASE WHEN x:Attack THEN x ELSE claimed END AS attack
ORDER BY attack.date DESC
WITH g, affiliations, regions, collect(attack)[0..20] AS recent, count(attack) AS attack_count,
     toInteger(sum(coalesce(attack.killed, 0))) AS killed
OPTIONAL MATCH (resp:Response)-[:targets]->(g)
WITH g, affiliations, regions, recent, attack_count, killed, count(resp) AS response_count,
     collect({response: resp.prefLabel, kind: resp.responseKind})[0..20] AS response_list
RETURN g.prefLabel AS group, g.uri AS uri, coalesce(g.altLabel, []) AS aliases,
       g.actorType AS actor_type, affiliations, regions,
       [a IN recent | {attack: a.prefLabel, uri: a.uri, date: a.date, killed: a.killed}] AS attacks,
       attack_count, killed, response_count,
       [x IN response_list WHERE x.response IS NOT NULL] AS responses, g._sources AS sources
SKIP $offset
LIMIT $limit
