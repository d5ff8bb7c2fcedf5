// Synthetic benchmark graph: create nodes of one label set from rows of properties.
UNWIND $rows AS row
CREATE (n:Resource:__LABEL__)
SET n = row
