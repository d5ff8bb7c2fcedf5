// Neo4j: a range index on a label's lookup key, created once.
CREATE INDEX __LABEL_____KEY__ IF NOT EXISTS FOR (n:__LABEL__) ON (n.__KEY__)
