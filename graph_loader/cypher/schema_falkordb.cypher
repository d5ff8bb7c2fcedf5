// FalkorDB: an exact-match index on a label's key; run once per label and key.
CREATE INDEX FOR (n:__LABEL__) ON (n.__KEY__)
