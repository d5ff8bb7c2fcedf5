// title: Profile of a group
// description: One row about an armed group: its name and aliases, the groups it is affiliated with (either direction), the regions it is active in, its attacks (perpetrated or claimed) with their total reported deaths, the responses that target it, and the documents that mention it.
// param group: string = "JNIM" | Name, alias or IRI of an armed group, case-insensitive.
// example: group=JNIM
MATCH (g:Group)
WHERE g.uri = $group OR toLower(g.prefLabel) = toLower($group)
   OR any(alias IN coalesce(g.altLabel, []) WHERE toLower(alias) = toLower($group))
OPTIONAL MATCH (g)-[:affiliatedWith]-(affiliate:Group)
WITH g, collect(DISTINCT affiliate.prefLabel) AS affiliations
OPTIONAL MATCH (g)-[:activeIn]->(place:Region)
WITH g, affiliations, collect(DISTINCT place.prefLabel) AS regions
OPTIONAL MATCH (perpetrated:Attack)-[:perpetratedBy]->(g)
WITH g, affiliations, regions, collect(perpetrated) AS perpetrated
OPTIONAL MATCH (claimed:Attack)<-[:claimsResponsibilityFor]-(:Claim)-[:claimant]->(g)
WITH g, affiliations, regions, perpetrated, collect(claimed) AS claimed
WITH g, affiliations, regions, perpetrated + claimed AS attack_list
UNWIND (CASE WHEN attack_list = [] THEN [null] ELSE attack_list END) AS attack
WITH g, affiliations, regions, collect(DISTINCT attack) AS attacks
OPTIONAL MATCH (resp:Response)-[:targets]->(g)
WITH g, affiliations, regions, attacks,
     collect(DISTINCT {response: resp.prefLabel, kind: resp.responseKind}) AS response_list
RETURN g.prefLabel AS group, g.uri AS uri, coalesce(g.altLabel, []) AS aliases,
       g.actorType AS actor_type, affiliations, regions,
       [a IN attacks | {attack: a.prefLabel, uri: a.uri, date: a.date, killed: a.killed}] AS attacks,
       size(attacks) AS attack_count,
       reduce(total = 0, a IN attacks | total + coalesce(a.killed, 0)) AS killed,
       [x IN response_list WHERE x.response IS NOT NULL] AS responses, g._sources AS sources
SKIP $offset
LIMIT $limit
