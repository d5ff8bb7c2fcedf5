// title: Claims of responsibility by a group, with the sentences they were read from
// description: Every claim of responsibility a group made, the attack it claims (place, date, casualties) and the evidence: each sentence or table row the claim was read from, its document, character span, the rule that read it and a confidence.
// param group: string = "JNIM" | Name, alias or IRI of an armed group, case-insensitive.
// example: group=JNIM
MATCH (g:Group)
WHERE g.uri = $group OR toLower(g.prefLabel) = toLower($group)
   OR any(alias IN coalesce(g.altLabel, []) WHERE toLower(alias) = toLower($group))
MATCH (c:Claim)-[:claimant]->(g)
OPTIONAL MATCH (c)-[:claimsResponsibilityFor]->(a:Attack)
OPTIONAL MATCH (a)-[:locatedIn]->(place:Region)
OPTIONAL MATCH (ev:Evidence)-[:subject]->(c)
WHERE ev.predicate ENDS WITH '#claimant' OR ev.predicate ENDS WITH '#claimsResponsibilityFor'
OPTIONAL MATCH (ev)-[:statedIn]->(doc:SourceDocument)
WITH g, c, a, collect(DISTINCT place.prefLabel) AS locations,
     collect(DISTINCT CASE WHEN ev IS NULL THEN NULL ELSE {sentence: ev.sentence, document: doc.uri,
       char_start: ev.charStart, char_end: ev.charEnd, extracted_by: ev.extractedBy,
       confidence: ev.confidence} END) AS evidence
RETURN g.prefLabel AS group, c.prefLabel AS claim, c.uri AS uri, a.prefLabel AS attack,
       a.uri AS attack_uri, a.date AS date, locations, a.killed AS killed, evidence,
       c._sources AS sources
ORDER BY coalesce(date, '9999-99-99'), claim, uri
SKIP $offset
LIMIT $limit
