// Delete the relationships that only this document supports. Both ends of such a relationship
// are nodes of the document, so only their outgoing relationships are looked at.
// (One statement per step: FalkorDB ignores SET ... WITH ... DELETE in a single query.)
MATCH (d:Resource {uri: $doc})
UNWIND d._nodes AS u
MATCH (a:Resource {uri: u})-[r]->()
WHERE $doc IN r._sources AND size(r._sources) = 1
DELETE r
