// Delete the relationships that only this document supports.
// (One statement per step: FalkorDB ignores SET ... WITH ... DELETE in a single query.)
MATCH ()-[r]->()
WHERE $doc IN r._sources AND size(r._sources) = 1
DELETE r
