// Neo4j: IRIs are unique, as in neosemantics (n10s_unique_uri).
CREATE CONSTRAINT resource_uri IF NOT EXISTS FOR (n:Resource) REQUIRE n.uri IS UNIQUE
